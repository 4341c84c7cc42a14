package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import java.time.Instant;

/** One consistent look at the simulated battery, taken under its lock; powers in watts. */
record Reading(
    Instant at,
    DeviceMode mode,
    double socPercent,
    double acPowerW,
    double loadW,
    double storedWh,
    double capacityWh,
    double floorPercent,
    double temperatureC,
    double chargedWh,
    double dischargedWh,
    double meterImportWh,
    double meterExportWh) {

  /** What the meter sees: positive = import from the grid. */
  double meterPowerW() {
    return loadW - acPowerW;
  }

  /** {@code bat_soc} as the firmware reports it: a whole percent. */
  int wholeSoc() {
    return (int) Math.floor(socPercent + 1e-9);
  }

  boolean isFull() {
    return socPercent >= 100 - 1e-9;
  }

  boolean isAtFloor() {
    return socPercent <= floorPercent + 1e-9;
  }
}
