package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.Instant;

/** A battery that was offline answers again. */
public record BatteryCameBack(BatteryId battery, Instant at, Duration offlineFor) {}
