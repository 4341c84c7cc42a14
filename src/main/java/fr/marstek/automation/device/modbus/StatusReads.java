package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.modbus.RegisterMap.Field;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The telemetry part of a status: state of charge, AC power and the energy totals every cycle, the
 * temperature no more often than configured, the rated capacity once. Not thread-safe; {@link
 * ModbusBattery} guards it.
 */
final class StatusReads {

  private final RegisterReads reads;
  private final RegisterMap map;
  private final Duration temperatureEvery;
  private Optional<Celsius> temperature = Optional.empty();
  private Instant temperatureReadAt = Instant.MIN;
  private WattHours capacity;
  private double[] lastTotals;

  StatusReads(RegisterReads reads, RegisterMap map, Duration temperatureEvery) {
    this.reads = reads;
    this.map = map;
    this.temperatureEvery = temperatureEvery;
  }

  BatteryStatus read(BatteryId id, Instant now, DeviceMode mode) throws BatteryUnreachable {
    Percent soc = Percent.clamped(reads.value(Field.SOC));
    Watts ac = Watts.of(reads.value(Field.AC_POWER));
    double[] totals = totals();
    return new BatteryStatus(
        id,
        now,
        soc,
        ac,
        mode,
        capacity(),
        Optional.empty(), // no grid meter over Modbus (spec 3)
        temperature(now),
        WattHours.of(totals[0]),
        WattHours.of(totals[1]));
  }

  // A 32-bit counter read while the firmware updates it can be torn (spec 8.5): a total that went
  // down is read once more, and the second reading is believed (a real reset stays down).
  private double[] totals() throws BatteryUnreachable {
    double[] totals = reads.pair(Field.CHARGED_TOTAL, Field.DISCHARGED_TOTAL);
    if (lastTotals != null && (totals[0] < lastTotals[0] || totals[1] < lastTotals[1])) {
      totals = reads.pair(Field.CHARGED_TOTAL, Field.DISCHARGED_TOTAL);
    }
    lastTotals = totals;
    return totals;
  }

  private Optional<Celsius> temperature(Instant now) throws BatteryUnreachable {
    boolean due =
        temperatureReadAt.equals(Instant.MIN)
            || !now.isBefore(temperatureReadAt.plus(temperatureEvery));
    if (due) {
      temperatureReadAt = now;
      double celsius = reads.value(Field.TEMPERATURE);
      // A value no battery can have is a bad read, not a temperature.
      temperature =
          celsius > -40 && celsius < 100 ? Optional.of(new Celsius(celsius)) : temperature;
    }
    return temperature;
  }

  private WattHours capacity() throws BatteryUnreachable {
    if (capacity == null) {
      double rated =
          map.optional(Field.CAPACITY).isPresent()
              ? reads.value(Field.CAPACITY)
              : map.nominalCapacityWh();
      capacity = WattHours.of(rated > 0 ? rated : map.nominalCapacityWh());
    }
    return capacity;
  }
}
