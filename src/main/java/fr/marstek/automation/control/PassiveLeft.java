package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.time.Instant;

/**
 * A battery that had followed its Passive setpoint stopped following it by itself (firmware 144-150
 * acknowledges Passive and drops it, field notes 1 #14); published once per hold, before control
 * sends the setpoint again.
 *
 * @param command the Passive command the service holds, in words
 * @param asked its power (device convention)
 * @param reported the AC power the battery reported instead
 * @param mode the mode it reported (the one last commanded while no mode read was due)
 */
public record PassiveLeft(
    BatteryId battery, Phrase command, Watts asked, Watts reported, DeviceMode mode, Instant at) {}
