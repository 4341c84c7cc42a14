package fr.marstek.automation.simulator;

/**
 * The cells behind the inverter: stored energy, conversion losses, the full and DOD stops, lifetime
 * AC counters and a first-order pack temperature. Not thread-safe; {@link SimulatedBattery} guards
 * it.
 */
final class BatteryPack {

  private static final double AMBIENT_C = 20;
  private static final double WARMING_AT_FULL_POWER_C = 10;
  private static final double FULL_POWER_W = 2500;
  private static final double THERMAL_TIME_CONSTANT_S = 1800;
  private static final double EPSILON_WH = 1e-6;

  private final double capacityWh;
  private final double efficiency;
  private double storedWh;
  private double floorPercent;
  private double chargedWh;
  private double dischargedWh;
  private double temperatureC = AMBIENT_C + 2;

  BatteryPack(double capacityWh, double efficiency, double socPercent, double floorPercent) {
    this.capacityWh = capacityWh;
    this.efficiency = efficiency;
    this.floorPercent = floorPercent;
    setSoc(socPercent);
  }

  /** The power the pack can follow now: no charging when full, no discharging at the floor. */
  double feasible(double setpointW) {
    if (setpointW < 0 && storedWh >= capacityWh - EPSILON_WH) {
      return 0;
    }
    if (setpointW > 0 && storedWh <= floorWh() + EPSILON_WH) {
      return 0;
    }
    return setpointW;
  }

  /**
   * Runs the AC setpoint (positive = discharge) for a while and returns the AC energy that flowed,
   * signed like the setpoint; it is less than asked when a stop is reached inside the step.
   */
  double run(double setpointW, double seconds) {
    double power = feasible(setpointW);
    double hours = seconds / 3600;
    double acWh = 0;
    if (power < 0) {
      double toFull = (capacityWh - storedWh) / efficiency;
      double taken = Math.min(-power * hours, toFull);
      storedWh = taken == toFull ? capacityWh : storedWh + taken * efficiency;
      chargedWh += taken;
      acWh = -taken;
    } else if (power > 0) {
      double toFloor = (storedWh - floorWh()) * efficiency;
      double given = Math.min(power * hours, toFloor);
      storedWh = given == toFloor ? floorWh() : storedWh - given / efficiency;
      dischargedWh += given;
      acWh = given;
    }
    warm(hours > 0 ? Math.abs(acWh) / hours : 0, seconds);
    return acWh;
  }

  private void warm(double averagePowerW, double seconds) {
    double target = AMBIENT_C + WARMING_AT_FULL_POWER_C * Math.min(1, averagePowerW / FULL_POWER_W);
    temperatureC += (target - temperatureC) * (1 - Math.exp(-seconds / THERMAL_TIME_CONSTANT_S));
  }

  private double floorWh() {
    return capacityWh * floorPercent / 100;
  }

  double socPercent() {
    return Math.max(0, Math.min(100, storedWh / capacityWh * 100));
  }

  void setSoc(double percent) {
    storedWh = capacityWh * percent / 100;
  }

  void setFloor(double percent) {
    floorPercent = percent;
  }

  double floorPercent() {
    return floorPercent;
  }

  double capacityWh() {
    return capacityWh;
  }

  double storedWh() {
    return storedWh;
  }

  double chargedWh() {
    return chargedWh;
  }

  double dischargedWh() {
    return dischargedWh;
  }

  double temperatureC() {
    return temperatureC;
  }

  void clearTotals() {
    chargedWh = 0;
    dischargedWh = 0;
  }
}
