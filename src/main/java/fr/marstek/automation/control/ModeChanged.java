package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;

/** A battery's reported mode changed, and why: our command's cause, or DEVICE on its own. */
public record ModeChanged(
    BatteryId battery, DeviceMode from, DeviceMode to, Cause cause, Phrase reason, Instant at) {}
