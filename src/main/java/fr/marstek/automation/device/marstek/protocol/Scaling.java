package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.util.Optional;

/** Every firmware and model unit exception (spec section 6), in one place. */
final class Scaling {

  private final DeviceProfile profile;

  Scaling(DeviceProfile profile) {
    this.profile = profile;
  }

  private boolean isEarlyVenusE3() {
    return profile.family() == Family.VENUS_E3 && profile.firmware().isBetween(139, 142);
  }

  private boolean hasPvChannels() {
    return profile.family() == Family.VENUS_A || profile.family() == Family.VENUS_D;
  }

  /** VNSE3-0 139-142 report ten times the pack temperature. */
  Optional<Celsius> batteryTemperature(double raw) {
    double celsius = isEarlyVenusE3() ? raw / 10 : raw;
    return celsius > -100 && celsius < 200 ? Optional.of(new Celsius(celsius)) : Optional.empty();
  }

  /** VNSE3-0 139-142 report a tenth of the remaining energy. */
  WattHours batteryRemaining(double raw) {
    return WattHours.of(isEarlyVenusE3() ? raw * 10 : raw);
  }

  /** Channel 1 of the four-channel shape is in deciwatts on Venus A/D before 150. */
  Watts pv1Power(double raw) {
    boolean deciwatts = hasPvChannels() && profile.firmware().isKnown() && !isFirmwareAtLeast(150);
    return Watts.of(deciwatts ? raw / 10 : raw);
  }

  /** Lifetime PV energy is in 0.01 kWh on Venus A from 149 and Venus D from 150. */
  WattHours totalPvEnergy(double raw) {
    boolean centiKwh =
        (profile.family() == Family.VENUS_A && isFirmwareAtLeast(149))
            || (profile.family() == Family.VENUS_D && isFirmwareAtLeast(150));
    return WattHours.of(centiKwh ? raw * 10 : raw);
  }

  /** Meter energy counters ({@code input_energy}, {@code output_energy}) are in 0.1 Wh. */
  WattHours meterEnergy(double raw) {
    return WattHours.of(raw / 10);
  }

  private boolean isFirmwareAtLeast(int release) {
    return profile.firmware().isAtLeast(release);
  }
}
