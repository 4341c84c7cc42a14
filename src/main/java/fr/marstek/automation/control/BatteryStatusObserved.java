package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryStatus;

/** A battery answered a poll. */
public record BatteryStatusObserved(BatteryStatus status) {}
