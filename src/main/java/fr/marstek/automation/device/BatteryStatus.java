package fr.marstek.automation.device;

import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.util.Optional;

/**
 * What a battery reported in one poll.
 *
 * @param acPower power at the battery's AC port: positive when it delivers power to the house,
 *     negative when it charges from AC (the device's own {@code ongrid_power} convention)
 * @param meterPower power at the household meter when a CT/meter is connected: positive = import
 *     from the grid
 * @param chargedTotal lifetime AC energy taken by the battery
 * @param dischargedTotal lifetime AC energy delivered by the battery
 */
public record BatteryStatus(
    BatteryId id,
    Instant observedAt,
    Percent soc,
    Watts acPower,
    DeviceMode mode,
    WattHours capacity,
    Optional<Watts> meterPower,
    Optional<Celsius> temperature,
    WattHours chargedTotal,
    WattHours dischargedTotal) {

  public boolean isCharging() {
    return acPower.value() < 0;
  }

  public boolean isDischarging() {
    return acPower.value() > 0;
  }
}
