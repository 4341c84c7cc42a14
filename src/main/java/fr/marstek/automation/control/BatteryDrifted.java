package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;

/** A battery did not take its desired state after every retry; notifications use this. */
public record BatteryDrifted(
    BatteryId battery, DesiredState desired, Phrase mismatch, int attempts, Instant at) {}
