package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryStatus;

/**
 * A battery read back right after a command: its newest report, which the fleet view shows at once
 * instead of waiting for the next poll.
 */
public record BatteryStatusReadBack(BatteryStatus status) {}
