package fr.marstek.automation.device.modbus;

import java.time.Duration;
import java.util.Optional;

/**
 * How the Modbus client paces and keeps batteries. The pacing comes from each profile's table
 * unless overridden (tests); the keeper runs a held battery's program while the control cycle is
 * silent.
 *
 * @param pacing replaces every profile's pacing when present
 * @param slowReadsEvery how long a temperature read, and the work mode read while the battery runs
 *     itself, are reused
 * @param keeperTick how often the keeper looks at the batteries
 * @param keeperQuiet how long without a control call before the keeper steps in
 */
public record ModbusClientSettings(
    Optional<ModbusPacing> pacing,
    Duration slowReadsEvery,
    Duration keeperTick,
    Duration keeperQuiet) {

  public ModbusClientSettings {
    if (keeperTick.isNegative() || keeperTick.isZero()) {
      throw new IllegalArgumentException("keeper tick must be positive: " + keeperTick);
    }
  }

  public static ModbusClientSettings defaults() {
    return new ModbusClientSettings(
        Optional.empty(), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  ModbusPacing pacingFor(RegisterMap map) {
    return pacing.orElse(map.pacing());
  }
}
