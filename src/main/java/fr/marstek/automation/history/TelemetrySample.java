package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored reading of a battery. An offline sample carries only the battery, the time and {@code
 * online = false}.
 *
 * @param batteryPower AC power of the battery, positive when it delivers to the house
 * @param gridPower household meter power, positive when importing from the grid
 */
public record TelemetrySample(
    BatteryId battery,
    Instant at,
    boolean online,
    Optional<Percent> soc,
    Optional<Watts> batteryPower,
    Optional<Watts> gridPower,
    Optional<Watts> pvPower,
    Optional<Celsius> temperature,
    Optional<WattHours> chargedTotal,
    Optional<WattHours> dischargedTotal) {

  public TelemetrySample {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(soc, "soc");
    Objects.requireNonNull(batteryPower, "batteryPower");
    Objects.requireNonNull(gridPower, "gridPower");
    Objects.requireNonNull(pvPower, "pvPower");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(chargedTotal, "chargedTotal");
    Objects.requireNonNull(dischargedTotal, "dischargedTotal");
  }

  /** What a poll reported; the Venus-E has no PV input, so PV power stays empty. */
  public static TelemetrySample of(BatteryStatus status) {
    return new TelemetrySample(
        status.id(),
        status.observedAt(),
        true,
        Optional.of(status.soc()),
        Optional.of(status.acPower()),
        status.meterPower(),
        Optional.empty(),
        status.temperature(),
        Optional.of(status.chargedTotal()),
        Optional.of(status.dischargedTotal()));
  }

  public static TelemetrySample offline(BatteryId battery, Instant at) {
    return new TelemetrySample(
        battery,
        at,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
