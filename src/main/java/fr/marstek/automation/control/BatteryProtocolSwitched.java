package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;

/**
 * A battery is now spoken to over another protocol: an Open API that fell silent, with a Modbus
 * address configured too ({@code BATTERY_X_MODBUS_HOST}), failed over to Modbus TCP. Published once
 * per switch; the household is told.
 *
 * @param from the protocol before, {@code openapi} or {@code modbus}
 * @param to the protocol now
 * @param address where the battery is reached now
 */
public record BatteryProtocolSwitched(
    BatteryId battery, String from, String to, String address, Instant at) {}
