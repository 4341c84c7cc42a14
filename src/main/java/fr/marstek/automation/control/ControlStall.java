package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;

/** A battery whose control cycle has not completed for several poll intervals, for /health. */
public record ControlStall(BatteryId battery, Instant since, String reason) {}
