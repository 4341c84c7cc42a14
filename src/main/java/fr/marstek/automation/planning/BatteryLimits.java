package fr.marstek.automation.planning;

import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.util.Objects;

/**
 * What one battery can do. Powers are on the AC side; the round-trip efficiency is split evenly
 * (square root) between charge and discharge.
 */
public record BatteryLimits(
    WattHours capacity,
    Percent minSoc,
    Percent maxSoc,
    Watts maxCharge,
    Watts maxDischarge,
    double roundTripEfficiency) {

  public BatteryLimits {
    Objects.requireNonNull(capacity, "capacity");
    if (capacity.value() <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    if (minSoc.compareTo(maxSoc) >= 0) {
      throw new IllegalArgumentException("minimum SoC must be below maximum: " + minSoc);
    }
    if (maxCharge.value() < 0 || maxDischarge.value() < 0) {
      throw new IllegalArgumentException("power limits must not be negative");
    }
    if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
      throw new IllegalArgumentException("round-trip efficiency in (0, 1]: " + roundTripEfficiency);
    }
  }

  /** Marstek Venus-E: 5.12 kWh, 11-100 %, 2500 W in, 800 W out, 88 % round trip. */
  public static BatteryLimits venusE() {
    return new BatteryLimits(
        WattHours.ofKilowattHours(5.12),
        Percent.of(11),
        Percent.of(100),
        Watts.of(2500),
        Watts.of(800),
        0.88);
  }

  public double oneWayEfficiency() {
    return Math.sqrt(roundTripEfficiency);
  }

  /** Stored energy between the minimum and maximum state of charge. */
  public double usableWh() {
    return capacity.value() * (maxSoc.fraction() - minSoc.fraction());
  }

  double storedAboveMinWh(Percent soc) {
    return Math.max(
        0, Math.min(usableWh(), capacity.value() * (soc.fraction() - minSoc.fraction())));
  }

  Percent socOf(double storedAboveMinWh) {
    return Percent.clamped(100 * (minSoc.fraction() + storedAboveMinWh / capacity.value()));
  }
}
