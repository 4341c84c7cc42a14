package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;

/** A battery stopped answering (after the configured number of failed polls). */
public record BatteryWentOffline(BatteryId battery, Instant since, String reason) {}
