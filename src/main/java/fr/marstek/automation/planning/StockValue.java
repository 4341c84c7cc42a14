package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.PriceList;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What energy left at the end of the planned hours is worth, per stored unit, by how much is left:
 * the bands of the kinds of value a stored unit can have, from the first unit up.
 *
 * <p>By default what it costs to buy again (the cheapest night), plus, when the day after the
 * horizon may be red, what buying now saves over the horizon's last night. Units a possible first
 * red day needs that no later night could bring back are worth its peak ({@link FirstRedDayValue}),
 * units beyond what one red day can take are kept for a later red day of a run ({@link
 * RedRunValue}), and when wear is low every unit is worth at least what the next day's colour lets
 * it earn ({@link NextPeakValue}). A unit is never worth more than the most it can earn, (red peak
 * - wear) x efficiency. The chances of red days are Tempo's ({@link TempoOdds}); for a tariff
 * without them no red day can come.
 */
final class StockValue {

  // A first red day further than this is not planned for: a month of nights refills any battery.
  static final int MAX_DAYS_AHEAD = 30;
  // Just under the refill cost, so that energy is never bought for storage without a strict gain.
  private static final double KEEP_DISCOUNT = 0.999;

  private final PlanningInput in;
  private final HorizonEnd end;
  private final Fleet fleet;
  private final Optional<TempoOdds> odds;
  // the day after the horizon is taken as not red (the branch of a plan that learns its colour)
  private boolean afterNotRed;

  private StockValue(PlanningInput in, HorizonEnd end, Fleet fleet, Optional<TempoOdds> odds) {
    this.in = in;
    this.end = end;
    this.fleet = fleet;
    this.odds = odds;
  }

  /** {@code odds}: the plan's ({@link TempoOdds#of}), empty for a tariff without them. */
  static StockValue of(
      PlanningInput in,
      Horizon h,
      Fleet fleet,
      double[] maxIn,
      double[] maxOut,
      Optional<TempoOdds> odds) {
    return new StockValue(in, new HorizonEnd(h, maxIn, maxOut), fleet, odds);
  }

  /**
   * The same value in the world where the day after the horizon turns out not to be red: only that
   * day's chance is dropped; what buying now saves over the last night stays, since the value kept
   * for a run of red days (a small house) is bounded by it.
   */
  StockValue afterNotRed() {
    afterNotRed = true;
    return this;
  }

  /**
   * The chance that the day after the horizon is red, with what a stored unit is worth on it and
   * how many such units one red peak can use: empty when it cannot be red.
   */
  Optional<RedAfter> redAfter() {
    Optional<UnitPrices> unit = unitPrices();
    LocalDate lastDay = end.lastDay();
    if (unit.isEmpty() || odds.isEmpty() || !odds.get().redPossibleAfter(lastDay)) {
      return Optional.empty();
    }
    double p = odds.get().chanceOfRed(lastDay.plusDays(1));
    double redValue = unit.get().redPeak();
    return p > 0
        ? Optional.of(new RedAfter(p, redValue, Math.min(fleet.totalUsable(), end.peakUse())))
        : Optional.empty();
  }

  /** See {@link #redAfter}: chance of red, worth of a stored unit on it, units it can use. */
  record RedAfter(double chance, double redValue, double redDayUnits) {

    /** {@code normal} with the first units a red day can use worth that red day. */
    ConvexValue onRedDay(ConvexValue normal) {
      WorthSteps steps = new WorthSteps();
      if (redDayUnits > 0) {
        steps.add(redDayUnits, redValue);
      }
      double pos = 0;
      for (int k = 0; k < normal.length.length; k++) {
        double from = Math.max(pos, redDayUnits);
        double to = pos + normal.length[k];
        if (to > from) {
          steps.add(to - from, Math.min(redValue, -normal.slope[k]));
        }
        pos = to;
      }
      return steps.value();
    }
  }

  OptimisingPlanner.Keep keep() {
    double width = fleet.totalUsable();
    Optional<UnitPrices> prices = unitPrices();
    if (prices.isEmpty()) {
      return OptimisingPlanner.Keep.nothing(width);
    }
    UnitPrices unit = prices.get();
    NextPeakValue nextPeak = new NextPeakValue(in.tariff().kinds(), unit, end, odds, width);
    LocalDate lastDay = end.lastDay();
    if (odds.isEmpty() || !odds.get().redPossibleAfter(lastDay)) {
      double bestPeak = unit.cheapestPeak();
      ConvexValue atBestPeak = ConvexValue.ofWorth(new double[] {width}, new double[] {bestPeak});
      return new OptimisingPlanner.Keep(
          nextPeak.atLeast(atBestPeak, bestPeak), Optional.empty(), Optional.empty());
    }
    LocalDate after = lastDay.plusDays(1);
    // a horizon that ends on a known red day: the day after it is red more often than the tally
    // spread evenly says, since red days come in runs
    boolean runGoesOn = end.endsOnKnownRed();
    double saving = savingOverLastNight(unit, after, runGoesOn);
    double refill = unit.refill();
    double base = Math.min(saving > 0 ? refill + saving : KEEP_DISCOUNT * refill, unit.redPeak());
    Optional<LocalDate> possibleRed = saving > 0 ? Optional.of(after) : Optional.empty();
    double redDay = Math.min(width, end.peakUse());
    FirstRedDayValue firstRed = new FirstRedDayValue(odds.get(), after, afterNotRed, end, redDay);
    RedRunValue redRun = new RedRunValue(odds.get(), unit, after, runGoesOn);
    ConvexValue value = bands(firstRed, redRun, unit, base, redDay);
    return new OptimisingPlanner.Keep(
        nextPeak.atLeast(value, base), possibleRed, firstRed.stocking());
  }

  /** What a unit bought tonight saves over one bought on the horizon's last night. */
  private double savingOverLastNight(UnitPrices unit, LocalDate after, boolean runGoesOn) {
    double lastNight = end.lastNightPrice();
    if (Double.isNaN(lastNight)) {
      return 0;
    }
    double chance =
        runGoesOn
            ? odds.orElseThrow().chanceOfRedAfterRed(after)
            : odds.orElseThrow().chanceOfRed(after);
    return unit.boughtAt(chance * (lastNight - unit.grid().cheapestOffPeak().eurPerKwh()));
  }

  /**
   * The bands from the first unit up: those a first red day needs, the rest of what a red day can
   * use at {@code base}, those kept for a run of red days, then the rest just under the refill.
   */
  private ConvexValue bands(
      FirstRedDayValue firstRed, RedRunValue redRun, UnitPrices unit, double base, double redDay) {
    double width = fleet.totalUsable();
    WorthSteps steps = new WorthSteps();
    double from = firstRed.addTo(steps, unit, base, width);
    // above what a red day's peak can use, a unit only spares a later purchase
    double usable = Math.max(from, redDay);
    if (usable > from) {
      steps.add(usable - from, base);
      from = usable;
    }
    double floor = Math.min(base, KEEP_DISCOUNT * unit.refill());
    from = redRun.addTo(steps, from, width, redDay, floor);
    if (width > from) {
      steps.add(width - from, floor);
    }
    return steps.value();
  }

  private Optional<UnitPrices> unitPrices() {
    Optional<PriceList> grid = in.tariff().pricesAt(in.now());
    return grid.map(g -> new UnitPrices(g, in.wearEurPerKwh(), fleet));
  }
}
