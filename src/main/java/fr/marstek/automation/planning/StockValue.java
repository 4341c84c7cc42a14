package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What energy left at the end of the planned hours is worth, per stored unit, by how much is left.
 *
 * <p>By default what it costs to buy again (the cheapest night), plus, when the day after the
 * horizon may be red, what buying now saves over the horizon's last night. When the nights cannot
 * refill the batteries in time (low charge power, the import cap), a unit that no later night could
 * bring back before a possible red day is worth the red peak, weighed by the chance that the first
 * red day comes that early: so the batteries are stocked over several nights. A unit is never worth
 * more than the most it can earn, (red peak - wear) x efficiency, nor counted beyond what a red
 * day's forecast peak use can take.
 */
final class StockValue {

  // Just under the refill cost, so that energy is never bought for storage without a strict gain.
  private static final double KEEP_DISCOUNT = 0.999;
  // A first red day further than this is not planned for: a month of nights refills any battery.
  private static final int MAX_DAYS_AHEAD = 30;

  private final PlanningInput in;
  private final Horizon h;
  private final Fleet fleet;
  private final double[] maxIn;
  private final double[] maxOut;
  private Optional<OptimisingPlanner.Stocking> stocking = Optional.empty();

  private StockValue(PlanningInput in, Horizon h, Fleet fleet, double[] maxIn, double[] maxOut) {
    this.in = in;
    this.h = h;
    this.fleet = fleet;
    this.maxIn = maxIn;
    this.maxOut = maxOut;
  }

  static StockValue of(PlanningInput in, Horizon h, Fleet fleet, double[] maxIn, double[] maxOut) {
    return new StockValue(in, h, fleet, maxIn, maxOut);
  }

  OptimisingPlanner.Keep keep() {
    double width = fleet.totalUsable();
    TempoPriceGrid grid = in.prices().gridAt(in.now()).orElse(null);
    if (grid == null) {
      return OptimisingPlanner.Keep.nothing(width);
    }
    double etaIn = fleet.chargeEfficiency;
    double etaOut = fleet.dischargeEfficiency;
    double wear = in.wearEurPerKwh();
    double redValue = Math.max(0, grid.redPeak().eurPerKwh() - wear) * etaOut / 1000;
    LocalDate lastDay = h.day[h.hours() - 1];
    if (!in.calendar().redPossibleAfter(lastDay)) {
      double bestPeak = Math.max(0, grid.cheapestPeak().eurPerKwh() - wear) * etaOut / 1000;
      return new OptimisingPlanner.Keep(
          ConvexValue.linear(width, -bestPeak), Optional.empty(), Optional.empty());
    }
    double refill = grid.cheapestOffPeak().eurPerKwh() / etaIn / 1000;
    LocalDate after = lastDay.plusDays(1);
    double lastNight = h.price[h.hours() - 1];
    double saving =
        Double.isNaN(lastNight)
            ? 0
            : OptimisingPlanner.chanceOfRed(in.calendar(), after)
                * (lastNight - grid.cheapestOffPeak().eurPerKwh())
                / etaIn
                / 1000;
    double base = saving > 0 ? refill + saving : KEEP_DISCOUNT * refill;
    Optional<LocalDate> possibleRed = saving > 0 ? Optional.of(after) : Optional.empty();
    ConvexValue end = worth(width, Math.min(base, redValue), refill, redValue, after);
    return new OptimisingPlanner.Keep(end, possibleRed, stocking);
  }

  /**
   * Units up to {@code need(j)} = (what a red day can use) - (j + 1) nights of refill are needed if
   * the first red day comes j days after the horizon: they are worth the red peak with the chance
   * that it comes that early, the others {@code base}.
   */
  private ConvexValue worth(
      double width, double base, double refill, double redValue, LocalDate after) {
    double night = lastNightRefill();
    double redDay = Math.min(width, redDayUse());
    List<Double> edges = new ArrayList<>();
    List<Double> chances = new ArrayList<>();
    if (night > 0 && redValue > refill) {
      RedChances redChances = new RedChances(in.calendar());
      double noRedYet = 1;
      LocalDate day = after;
      for (int j = 0; j < MAX_DAYS_AHEAD && redDay - (j + 1) * night > 0; j++) {
        double p = redChances.next(day);
        edges.add(redDay - (j + 1) * night);
        chances.add(noRedYet * p);
        noRedYet *= 1 - p;
        day = day.plusDays(1);
      }
    }
    // segments from 0 upwards: below edge j the units count for every first red at index <= j
    int n = edges.size();
    double[] length = new double[n + 2];
    double[] worth = new double[n + 2];
    double from = 0;
    int k = 0;
    for (int j = n - 1; j >= 0; j--) {
      double cumulative = 0;
      for (int i = 0; i <= j; i++) {
        cumulative += chances.get(i);
      }
      double to = Math.min(width, edges.get(j));
      if (to > from) {
        length[k] = to - from;
        worth[k] = Math.min(redValue, Math.max(base, refill + (redValue - refill) * cumulative));
        if (worth[k++] > base) {
          stocking = Optional.of(new OptimisingPlanner.Stocking(after, night, redDay));
        }
        from = to;
      }
    }
    // above what a red day's peak can use, a unit only spares a later purchase
    double usable = Math.max(from, redDay);
    if (usable > from) {
      length[k] = usable - from;
      worth[k++] = base;
      from = usable;
    }
    if (width > from) {
      length[k] = width - from;
      worth[k++] = Math.min(base, KEEP_DISCOUNT * refill);
    }
    return ConvexValue.ofWorth(
        java.util.Arrays.copyOf(length, k), java.util.Arrays.copyOf(worth, k));
  }

  /** Stored units the horizon's last night can take (power, import cap and forecast load). */
  private double lastNightRefill() {
    double units = 0;
    for (int t = h.hours() - 1; t >= 0 && h.offPeak[t]; t--) {
      units += maxIn[t];
    }
    return units;
  }

  /** Stored units the fleet can give out over one peak: the largest day's in the horizon. */
  private double redDayUse() {
    double best = 0;
    double day = 0;
    for (int t = 0; t < h.hours(); t++) {
      if (h.offPeak[t]) {
        best = Math.max(best, day);
        day = 0;
      } else {
        day += maxOut[t];
      }
    }
    return Math.max(best, day);
  }

  /**
   * {@link OptimisingPlanner#chanceOfRed} for consecutive days, counting the days that can still be
   * red once per season rather than once per day: the replay asks it for every hour of a season.
   */
  private static final class RedChances {
    private final TempoCalendar calendar;
    private TempoSeason season;
    private int left;
    private int candidates;

    RedChances(TempoCalendar calendar) {
      this.calendar = calendar;
    }

    /** The chance for {@code day}; days must be asked in order, one after the other. */
    double next(LocalDate day) {
      if (!TempoSeason.isRedAllowed(day) || calendar.colourOf(day).isKnown()) {
        return 0;
      }
      TempoSeason of = TempoSeason.of(day);
      if (!of.equals(season)) {
        season = of;
        left = calendar.daysLeft(of, TempoColour.RED);
        candidates = 0;
        for (LocalDate d = day; !d.isAfter(of.lastDay()); d = d.plusDays(1)) {
          if (TempoSeason.isRedAllowed(d) && !calendar.colourOf(d).isKnown()) {
            candidates++;
          }
        }
      }
      double chance = candidates == 0 ? 0 : Math.min(1, (double) left / candidates);
      candidates--;
      return chance;
    }
  }
}
