package fr.marstek.automation.replay;

import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.BatteryState;
import fr.marstek.automation.units.Percent;
import java.util.ArrayList;
import java.util.List;

/** Identical batteries run hour by hour: charge from the grid, cover the house, never export. */
final class SimulatedFleet {

  private final BatteryLimits limits;
  private final double[] stored;
  // named once: the replay asks the states every hour
  private final String[] names;
  private final double eta;
  private double dischargedAcWh;
  private double dischargedDcWh;

  SimulatedFleet(int count, BatteryLimits limits) {
    this.limits = limits;
    this.stored = new double[count];
    this.names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = "battery-" + (i + 1);
    }
    this.eta = limits.oneWayEfficiency();
  }

  List<BatteryState> states() {
    List<BatteryState> states = new ArrayList<>(stored.length);
    for (int i = 0; i < stored.length; i++) {
      double soc = limits.minSoc().value() + 100 * stored[i] / limits.capacity().value();
      states.add(new BatteryState(names[i], Percent.clamped(soc), limits));
    }
    return states;
  }

  String name(int i) {
    return names[i];
  }

  int size() {
    return stored.length;
  }

  /**
   * Runs one hour; returns the grid import in Wh (house load plus charging minus discharging).
   * Charging is held so that the import stays within {@code maxGridWh} where the house leaves room,
   * as the live import cap does, shared by what each battery asked.
   */
  double runHour(List<Action> actions, double houseWh, double maxGridWh) {
    double[] wantIn = new double[stored.length];
    double[] canGive = new double[stored.length];
    double asked = 0;
    double offered = 0;
    for (int i = 0; i < actions.size(); i++) {
      switch (actions.get(i)) {
        case Action.ChargeFromGrid c -> {
          wantIn[i] =
              Math.min(
                  Math.min(c.power().value(), limits.maxCharge().value()),
                  (limits.usableWh() - stored[i]) / eta);
          asked += wantIn[i];
        }
        case Action.CoverHouse d -> {
          canGive[i] =
              Math.min(Math.min(d.upTo().value(), limits.maxDischarge().value()), stored[i] * eta);
          offered += canGive[i];
        }
        case Action.Hold h -> {}
      }
    }
    double given = Math.min(houseWh, offered);
    for (int i = 0; i < stored.length && offered > 0; i++) {
      double ac = given * canGive[i] / offered;
      stored[i] = Math.max(0, stored[i] - ac / eta);
      dischargedAcWh += ac;
      dischargedDcWh += ac / eta;
    }
    double room = Math.max(0, maxGridWh - (houseWh - given));
    double share = asked <= room ? 1 : room / asked;
    double charged = 0;
    for (int i = 0; i < stored.length && asked > 0; i++) {
      double ac = wantIn[i] * share;
      stored[i] += ac * eta;
      charged += ac;
    }
    return houseWh + charged - given;
  }

  /** Energy left in the batteries, above their minimum, in stored Wh. */
  double storedWh() {
    double sum = 0;
    for (double s : stored) {
      sum += s;
    }
    return sum;
  }

  /** AC energy that charging this much stored energy draws from the grid. */
  double acToStore(double storedWh) {
    return storedWh / eta;
  }

  double dischargedAcWh() {
    return dischargedAcWh;
  }

  /** Equivalent full cycles per battery: stored energy taken out over usable capacity. */
  double cycles() {
    return dischargedDcWh / (limits.usableWh() * stored.length);
  }
}
