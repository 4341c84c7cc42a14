package fr.marstek.automation.planning;

/**
 * Exact optimum of hourly charge/discharge for one pooled store: minimise the cost of energy bought
 * minus the value of energy delivered, with power, capacity and no-export bounds, and a value per
 * unit left at the end. Dynamic programming over convex piecewise-linear cost-to-go functions
 * (hand-written: a season is 8760 hours, too large for a dense LP solver, and this is exact and
 * linear in the horizon). Units are stored watt-hours; money is per stored watt-hour.
 */
final class EnergyDp {

  private static final double TIE = 1e-15;

  private EnergyDp() {}

  /**
   * Returns the stored energy at the start of each hour and at the end ({@code hours + 1} values).
   * Ties go to acting now: charge as early and discharge as early as the optimum allows.
   *
   * @param buy cost per stored unit charged in hour t
   * @param maxIn stored units that can go in during hour t
   * @param sell value per stored unit discharged in hour t (price avoided minus wear)
   * @param maxOut stored units that can come out during hour t (power and house load)
   * @param endValue value per stored unit left after the last hour
   */
  static double[] solve(
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      double width,
      double start,
      double endValue) {
    return solve(buy, maxIn, sell, maxOut, width, start, ConvexValue.linear(width, -endValue));
  }

  /** As above, with the cost of what is left at the end as a convex function of it. */
  static double[] solve(
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      double width,
      double start,
      ConvexValue end) {
    int hours = buy.length;
    double[] stored = new double[hours + 1];
    stored[0] = Math.max(0, Math.min(width, start));
    if (width <= 0) {
      return stored;
    }
    ConvexValue[] costToGo = new ConvexValue[hours + 1];
    costToGo[hours] = end;
    for (int t = hours - 1; t >= 1; t--) {
      costToGo[t] = costToGo[t + 1].earlier(buy[t], maxIn[t], sell[t], maxOut[t], width);
    }
    for (int t = 0; t < hours; t++) {
      stored[t + 1] = next(costToGo[t + 1], stored[t], buy[t], maxIn[t], sell[t], maxOut[t], width);
    }
    return stored;
  }

  /**
   * The cost-to-go from the start of hour {@code from} as a function of the stored energy then:
   * what {@link #solve} would use at that hour. A plan that learns something at that hour
   * (tomorrow's colour) weighs one such function per outcome.
   */
  static ConvexValue costToGo(
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      double width,
      ConvexValue end,
      int from) {
    ConvexValue value = end;
    for (int t = buy.length - 1; t >= Math.max(0, from); t--) {
      value = value.earlier(buy[t], maxIn[t], sell[t], maxOut[t], width);
    }
    return value;
  }

  /**
   * As {@link #solve(double[], double[], double[], double[], double, double, ConvexValue)}, but
   * from the start of hour {@code reveal} on, the cost-to-go is {@code atReveal} (the expectation
   * over what becomes known then) for the hours before it; the hours after it follow the arrays
   * given.
   */
  static double[] solve(
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      double width,
      double start,
      ConvexValue end,
      int reveal,
      ConvexValue atReveal) {
    int hours = buy.length;
    double[] stored = new double[hours + 1];
    stored[0] = Math.max(0, Math.min(width, start));
    if (width <= 0) {
      return stored;
    }
    ConvexValue[] costToGo = new ConvexValue[hours + 1];
    costToGo[hours] = end;
    for (int t = hours - 1; t >= 1; t--) {
      costToGo[t] =
          t == reveal
              ? atReveal
              : costToGo[t + 1].earlier(buy[t], maxIn[t], sell[t], maxOut[t], width);
    }
    // the chain before the reveal starts from the expectation, the one after it from the end
    for (int t = 0; t < hours; t++) {
      stored[t + 1] = next(costToGo[t + 1], stored[t], buy[t], maxIn[t], sell[t], maxOut[t], width);
    }
    return stored;
  }

  private static double next(
      ConvexValue after, double s, double buy, double maxIn, double sell, double maxOut, double w) {
    double up = after.advanceWhileSlopeAtMost(s, Math.min(w, s + maxIn), -buy + TIE);
    if (up > s) {
      return up;
    }
    return after.retreatWhileSlopeAtLeast(s, Math.max(0, s - maxOut), -sell - TIE);
  }
}
