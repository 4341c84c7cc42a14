package fr.marstek.automation.planning;

import java.util.List;

/** Several batteries pooled into one store, and the way pooled energy is shared back out. */
final class Fleet {

  private static final double TINY = 1e-6;

  final List<BatteryState> batteries;
  final double[] stored;
  final double[] usable;
  final double[] maxIn;
  final double[] maxOut;
  final double chargeEfficiency;
  final double dischargeEfficiency;

  Fleet(List<BatteryState> batteries) {
    this.batteries = batteries;
    int n = batteries.size();
    stored = new double[n];
    usable = new double[n];
    maxIn = new double[n];
    maxOut = new double[n];
    double efficiencySum = 0;
    for (int i = 0; i < n; i++) {
      BatteryLimits limits = batteries.get(i).limits();
      double eta = limits.oneWayEfficiency();
      stored[i] = batteries.get(i).storedWh();
      usable[i] = limits.usableWh();
      maxIn[i] = limits.maxCharge().value() * eta;
      maxOut[i] = limits.maxDischarge().value() / eta;
      efficiencySum += eta;
    }
    chargeEfficiency = n == 0 ? 1 : efficiencySum / n;
    dischargeEfficiency = chargeEfficiency;
  }

  double totalStored() {
    return sum(stored);
  }

  double totalUsable() {
    return sum(usable);
  }

  double totalMaxIn() {
    return sum(maxIn);
  }

  /** AC watts the fleet can deliver in one hour. */
  double totalMaxOutAc() {
    double ac = 0;
    for (BatteryState b : batteries) {
      ac += b.limits().maxDischarge().value();
    }
    return ac;
  }

  /** Shares a pooled change of stored energy: charge by free room, discharge by content. */
  double[] share(double delta) {
    int n = stored.length;
    double[] weight = new double[n];
    double[] cap = new double[n];
    for (int i = 0; i < n; i++) {
      weight[i] = delta > 0 ? usable[i] - stored[i] : stored[i];
      cap[i] = Math.min(weight[i], delta > 0 ? maxIn[i] : maxOut[i]);
    }
    double[] parts = waterFill(Math.abs(delta), weight, cap);
    if (delta < 0) {
      for (int i = 0; i < n; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }

  static double[] waterFill(double total, double[] weight, double[] cap) {
    int n = weight.length;
    double[] result = new double[n];
    boolean[] full = new boolean[n];
    double remaining = total;
    for (int round = 0; round <= n && remaining > TINY; round++) {
      double sumWeight = 0;
      for (int i = 0; i < n; i++) {
        sumWeight += full[i] ? 0 : Math.max(0, weight[i]);
      }
      if (sumWeight <= 0) {
        break;
      }
      boolean saturated = false;
      for (int i = 0; i < n; i++) {
        if (!full[i] && remaining * Math.max(0, weight[i]) / sumWeight >= cap[i] - result[i]) {
          remaining -= cap[i] - result[i];
          result[i] = cap[i];
          full[i] = true;
          saturated = true;
        }
      }
      if (!saturated) {
        for (int i = 0; i < n; i++) {
          result[i] += full[i] ? 0 : remaining * Math.max(0, weight[i]) / sumWeight;
        }
        remaining = 0;
      }
    }
    return result;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
