package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;

/** A battery was confirmed in its desired state by reading it back. */
public record DesiredStateReached(BatteryId battery, DesiredState desired, Instant at) {}
