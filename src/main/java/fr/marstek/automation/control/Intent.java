package fr.marstek.automation.control;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Instant;

/** What control wants one battery to do. One sealed type: switches over it are exhaustive. */
public sealed interface Intent {

  /** The mode the battery reports once it does this. */
  DeviceMode expectedMode();

  /** The battery's own self-consumption regulation (device Auto). */
  record SelfConsumption() implements Intent {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.AUTO;
    }
  }

  /**
   * Charge from the grid at {@code power} (a magnitude) until {@code upTo}, in a device-side slot
   * that ends by itself at the end of the night.
   */
  record GridCharge(Watts power, Percent upTo) implements Intent {
    public GridCharge {
      if (power.value() <= 0) {
        throw new IllegalArgumentException("grid charge power is a positive magnitude: " + power);
      }
    }

    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.MANUAL;
    }
  }

  /** Neither charge nor discharge: keeps the energy for later (device Manual, no active slot). */
  record Idle() implements Intent {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.MANUAL;
    }
  }

  /** The vendor's AI mode, only on request. */
  record VendorAi() implements Intent {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.AI;
    }
  }

  /**
   * A fixed AC setpoint until {@code until} (device Passive with a countdown); device sign:
   * negative charges, positive discharges.
   */
  record FixedPower(Watts power, Instant until) implements Intent {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.PASSIVE;
    }
  }
}
