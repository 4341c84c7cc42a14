package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.PriceList;
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
 * more than the most it can earn, (red peak - wear) x efficiency. Beyond what one red day's
 * forecast peak can take (a small house), a unit is kept for a later red day of a run: worth the
 * refill plus what it spares over a white night, weighed by the chance that the run comes before a
 * blue day, less what it loses when the season's red days run out first. When wear is low enough
 * for a white or blue peak to pay, a unit is worth at least what the next day's colour, once
 * published on its eve, lets it earn (see {@link #atLeastNextPeak}). The chances of red days are
 * Tempo's ({@link TempoOdds}); after a known red day, the next day's is the share of the season's
 * red days followed by another, since red days come in runs. For a tariff without them no red day
 * can come.
 */
final class StockValue {

  // Just under the refill cost, so that energy is never bought for storage without a strict gain.
  private static final double KEEP_DISCOUNT = 0.999;
  // A first red day further than this is not planned for: a month of nights refills any battery.
  private static final int MAX_DAYS_AHEAD = 30;
  // 11:00 to 22:00: the peak hours of a day after the next day's colour is published
  private static final int HOURS_AFTER_PUBLICATION = 11;

  private final PlanningInput in;
  private final Horizon h;
  private final Fleet fleet;
  private final double[] maxIn;
  private final double[] maxOut;
  private final Optional<TempoOdds> odds;
  private Optional<OptimisingPlanner.Stocking> stocking = Optional.empty();
  // the season's red days left and the days that may still take them, from the horizon's end
  private int redLeft;
  private int redCandidates;
  // the day after the horizon is taken as not red (the branch of a plan that learns its colour)
  private boolean afterNotRed;
  // the horizon ends on a known red day, and the chance that the day after it is red too
  private boolean runGoesOn;
  private double runChance;

  private StockValue(PlanningInput in, Horizon h, Fleet fleet, double[] maxIn, double[] maxOut) {
    this.in = in;
    this.h = h;
    this.fleet = fleet;
    this.maxIn = maxIn;
    this.maxOut = maxOut;
    this.odds = TempoOdds.of(in.tariff());
  }

  static StockValue of(PlanningInput in, Horizon h, Fleet fleet, double[] maxIn, double[] maxOut) {
    return new StockValue(in, h, fleet, maxIn, maxOut);
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
    PriceList grid = in.tariff().pricesAt(in.now()).orElse(null);
    LocalDate lastDay = h.day[h.hours() - 1];
    if (grid == null || odds.isEmpty() || !odds.get().redPossibleAfter(lastDay)) {
      return Optional.empty();
    }
    double p = odds.get().chanceOfRed(lastDay.plusDays(1));
    double redValue =
        Math.max(0, grid.dearestPeak().eurPerKwh() - in.wearEurPerKwh())
            * fleet.dischargeEfficiency
            / 1000;
    return p > 0
        ? Optional.of(new RedAfter(p, redValue, Math.min(fleet.totalUsable(), redDayUse())))
        : Optional.empty();
  }

  /** See {@link #redAfter}: chance of red, worth of a stored unit on it, units it can use. */
  record RedAfter(double chance, double redValue, double redDayUnits) {

    /** {@code normal} with the first units a red day can use worth that red day. */
    ConvexValue onRedDay(ConvexValue normal) {
      List<Double> length = new ArrayList<>();
      List<Double> worth = new ArrayList<>();
      if (redDayUnits > 0) {
        length.add(redDayUnits);
        worth.add(redValue);
      }
      double pos = 0;
      for (int k = 0; k < normal.length.length; k++) {
        double from = Math.max(pos, redDayUnits);
        double to = pos + normal.length[k];
        if (to > from) {
          length.add(to - from);
          worth.add(Math.min(redValue, -normal.slope[k]));
        }
        pos = to;
      }
      double[] l = new double[length.size()];
      double[] w = new double[worth.size()];
      for (int k = 0; k < l.length; k++) {
        l[k] = length.get(k);
        w[k] = worth.get(k);
      }
      return ConvexValue.ofWorth(l, w);
    }
  }

  OptimisingPlanner.Keep keep() {
    double width = fleet.totalUsable();
    PriceList grid = in.tariff().pricesAt(in.now()).orElse(null);
    if (grid == null) {
      return OptimisingPlanner.Keep.nothing(width);
    }
    double etaIn = fleet.chargeEfficiency;
    double etaOut = fleet.dischargeEfficiency;
    double wear = in.wearEurPerKwh();
    double redValue = Math.max(0, grid.dearestPeak().eurPerKwh() - wear) * etaOut / 1000;
    LocalDate lastDay = h.day[h.hours() - 1];
    if (odds.isEmpty() || !odds.get().redPossibleAfter(lastDay)) {
      double bestPeak = Math.max(0, grid.cheapestPeak().eurPerKwh() - wear) * etaOut / 1000;
      return new OptimisingPlanner.Keep(
          atLeastNextPeak(
              grid,
              new double[] {width},
              new double[] {bestPeak},
              bestPeak,
              grid.cheapestOffPeak().eurPerKwh() / etaIn / 1000),
          Optional.empty(),
          Optional.empty());
    }
    double refill = grid.cheapestOffPeak().eurPerKwh() / etaIn / 1000;
    LocalDate after = lastDay.plusDays(1);
    double lastNight = h.price[h.hours() - 1];
    // a horizon that ends on a known red day: the day after it is red more often than the tally
    // spread evenly says, since red days come in runs
    DayKind lastKind = h.kind[h.hours() - 1];
    runGoesOn = lastKind != null && lastKind.isCritical() && !h.assumed[h.hours() - 1];
    runChance = runGoesOn ? odds.get().chanceOfRedAfterRed(after) : 0;
    double saving =
        Double.isNaN(lastNight)
            ? 0
            : (runGoesOn ? runChance : odds.get().chanceOfRed(after))
                * (lastNight - grid.cheapestOffPeak().eurPerKwh())
                / etaIn
                / 1000;
    double base = saving > 0 ? refill + saving : KEEP_DISCOUNT * refill;
    Optional<LocalDate> possibleRed = saving > 0 ? Optional.of(after) : Optional.empty();
    // what a unit bought tonight saves over one bought on a white night, the cheapest after a
    // day that is not blue
    double nightSaving =
        (TempoOdds.whiteNight(grid) - grid.cheapestOffPeak().eurPerKwh()) / etaIn / 1000;
    // a unit kept for a red day that does not come is spent on a cheaper peak at last
    double bestPeak = Math.max(0, grid.cheapestPeak().eurPerKwh() - wear) * etaOut / 1000;
    ConvexValue end =
        worth(
            width,
            Math.min(base, redValue),
            refill,
            redValue,
            nightSaving,
            Math.max(0, refill - bestPeak),
            after);
    end = atLeastNextPeak(grid, end, Math.min(base, redValue), refill);
    return new OptimisingPlanner.Keep(end, possibleRed, stocking);
  }

  /**
   * Units up to {@code need(j)} are needed if the first red day comes j days after the horizon:
   * they are worth the red peak with the chance that it comes that early, the others {@code base}.
   * The need is what a red day can use less what can still be charged for it: for j = 0, the
   * horizon's last night (its purchase is decided once the red day is published); for j &gt; 0, the
   * j nights after the horizon and, once the red day is published at 11:00 the day before, that
   * day's peak hours, guessed from the horizon's last day. Counting a night there instead (one
   * night more than the red day has) hid the shortfall under an import cap, where a heavy house
   * leaves little room at night and none by day.
   */
  private ConvexValue worth(
      double width,
      double base,
      double refill,
      double redValue,
      double nightSaving,
      double unusedLoss,
      LocalDate after) {
    double night = lastNightRefill();
    double afternoon = lastAfternoonRefill();
    double redDay = Math.min(width, redDayUse());
    List<Double> edges = new ArrayList<>();
    List<Double> chances = new ArrayList<>();
    // the day the reason names: the first that may be red, not a weekend day after the horizon
    LocalDate firstPossible = null;
    if (night > 0 && redValue > refill) {
      TempoOdds.RedChances redChances = odds.orElseThrow().redChances();
      double noRedYet = 1;
      LocalDate day = after;
      for (int j = 0; j < MAX_DAYS_AHEAD && need(j, redDay, night, afternoon) > 0; j++) {
        double p = redChances.next(day);
        if (j == 0 && afterNotRed) {
          p = 0;
        }
        if (p > 0 && firstPossible == null) {
          firstPossible = day;
        }
        edges.add(need(j, redDay, night, afternoon));
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
          stocking =
              Optional.of(
                  new OptimisingPlanner.Stocking(
                      firstPossible == null ? after : firstPossible, night, redDay));
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
    // a small house: what one red day uses is a fraction of the batteries, so a unit beyond it is
    // kept for a later red day of the same run and spares buying it on a white or red night
    double floor = Math.min(base, KEEP_DISCOUNT * refill);
    if (width > from && redDay > 0 && nightSaving > 0) {
      TempoOdds.RedChances seasonTally = odds.orElseThrow().redChances();
      double[] run = redRunChances(after, (int) Math.ceil((width - from) / redDay), seasonTally);
      redLeft = seasonTally.firstLeft;
      redCandidates = seasonTally.firstCandidates;
      List<Double> bandLength = new ArrayList<>();
      List<Double> bandWorth = new ArrayList<>();
      double last = k > 0 ? worth[k - 1] : redValue;
      for (int m = 0; m < run.length && width > from; m++) {
        double value =
            Math.min(
                last,
                Math.min(
                    redValue, refill + run[m] * nightSaving - fewerRedDays(m + 2) * unusedLoss));
        if (value <= floor) {
          break;
        }
        double to = Math.min(width, from + redDay);
        bandLength.add(to - from);
        bandWorth.add(value);
        last = value;
        from = to;
      }
      length = java.util.Arrays.copyOf(length, k + bandLength.size() + 1);
      worth = java.util.Arrays.copyOf(worth, k + bandLength.size() + 1);
      for (int b = 0; b < bandLength.size(); b++) {
        length[k] = bandLength.get(b);
        worth[k++] = bandWorth.get(b);
      }
    }
    if (width > from) {
      length[k] = width - from;
      worth[k++] = floor;
    }
    return ConvexValue.ofWorth(
        java.util.Arrays.copyOf(length, k), java.util.Arrays.copyOf(worth, k));
  }

  private ConvexValue atLeastNextPeak(PriceList grid, ConvexValue end, double kept, double refill) {
    double[] worth = new double[end.slope.length];
    for (int k = 0; k < worth.length; k++) {
      worth[k] = -end.slope[k];
    }
    return atLeastNextPeak(grid, end.length, worth, kept, refill);
  }

  /**
   * At least what a unit kept past the horizon earns around the next day, when a peak other than
   * red pays more than the refill (little or no wear, so every peak is worth cycling for) and the
   * last night cannot fill what a peak can use. The next day's colour comes out at 11:00 on the
   * horizon's last day (its eve); then the unit is either sold on the eve's peak hours (when they
   * can take more than the batteries hold) or kept and sold on the next day's peak, counted at most
   * at what the eve's peak hours would then pay to charge it: the better of the two, weighed by
   * each colour's chance. A unit the next day's own night could not bring may also be kept through
   * the next day for the day after, published at 11:00 on the next day, in the same way (a Friday
   * night's charge kept through a weekend for a Monday that may be white). One beyond what a peak
   * can use keeps the value it had. Without it, at low charge power a night's charge was sold at a
   * blue peak and bought back at the eve's peak price once the next day came out white or red,
   * where keeping it would have cost nothing had the day come out blue.
   */
  private ConvexValue atLeastNextPeak(
      PriceList grid, double[] length, double[] worth, double kept, double refill) {
    double wear = in.wearEurPerKwh();
    double etaIn = fleet.chargeEfficiency;
    double etaOut = fleet.dischargeEfficiency;
    List<DayKind> kinds = in.tariff().kinds();
    boolean pays = false;
    for (DayKind kind : kinds) {
      pays |= !kind.isCritical() && peakWorth(grid, kind, wear, etaOut) > refill;
    }
    double width = fleet.totalUsable();
    double use = Math.min(width, redDayUse());
    // when the last night alone fills what a peak can use, a unit kept from an earlier one only
    // takes the place of one bought on it at the same price: nothing to add
    if (odds.isEmpty() || !pays || lastNightRefill() >= use) {
      return ConvexValue.ofWorth(length, worth);
    }
    LocalDate next = h.day[h.hours() - 1].plusDays(1);
    double[] chance = odds.get().colourChances(next);
    double evePeak = evePeakPrice();
    // what the eve's peak hours, once the next day's colour is out, pay to charge and to discharge
    double eveBuy = Double.isNaN(evePeak) ? Double.POSITIVE_INFINITY : evePeak / etaIn / 1000;
    double eveSell = Double.isNaN(evePeak) ? 0 : Math.max(0, evePeak - wear) * etaOut / 1000;
    // a unit not kept for the next day is sold on the eve's afternoon instead, when those hours can
    // take more than the batteries hold: on top of what they would give out there anyway (a small
    // house's afternoon is already covered from the batteries, with nothing left to sell into)
    double eveOut = lastAfternoonOut() >= width ? use : 0;
    double floor = 0;
    double carried = 0;
    for (int c = 0; c < kinds.size(); c++) {
      double unit = Math.min(peakWorth(grid, kinds.get(c), wear, etaOut), eveBuy);
      floor += chance[c] * Math.max(kept, Math.max(eveSell, unit));
      carried += chance[c] * Math.max(kept, unit);
    }
    // a unit the next day's own night could not bring may be kept through that day for the day
    // after, published at 11:00 on it: sold on the next day's peak if the day after is no dearer,
    // else worth the day after's peak, at most what the next day's peak would cost to charge it
    double[] chanceAfter = odds.get().colourChances(next.plusDays(1));
    double twoDays = 0;
    for (int c = 0; c < kinds.size(); c++) {
      double sell = peakWorth(grid, kinds.get(c), wear, etaOut);
      double buy = grid.price(kinds.get(c), false).eurPerKwh() / etaIn / 1000;
      double later = 0;
      for (int d = 0; d < kinds.size(); d++) {
        later +=
            chanceAfter[d]
                * Math.max(sell, Math.min(peakWorth(grid, kinds.get(d), wear, etaOut), buy));
      }
      double unit = Math.min(later, eveBuy);
      twoDays += chance[c] * Math.max(kept, Math.max(eveOut > 0 ? eveSell : 0, unit));
    }
    double beyondNight = use - lastNightRefill();
    List<Double> cuts = new ArrayList<>();
    double from = 0;
    for (double l : length) {
      from += l;
      cuts.add(from);
    }
    cuts.add(eveOut);
    cuts.add(beyondNight);
    cuts.add(use);
    cuts.add(width);
    java.util.Collections.sort(cuts);
    List<Double> outLength = new ArrayList<>();
    List<Double> outWorth = new ArrayList<>();
    double at = 0;
    for (double cut : cuts) {
      double to = Math.min(width, cut);
      if (to - at <= 1e-9) {
        continue;
      }
      double mid = (at + to) / 2;
      outLength.add(to - at);
      double atLeast = mid < eveOut ? floor : mid < use ? carried : 0;
      atLeast = mid < beyondNight ? Math.max(atLeast, twoDays) : atLeast;
      outWorth.add(Math.max(atLeast, worthAt(length, worth, mid)));
      at = to;
    }
    double[] l = new double[outLength.size()];
    double[] w = new double[outWorth.size()];
    for (int k = 0; k < l.length; k++) {
      l[k] = outLength.get(k);
      w[k] = outWorth.get(k);
    }
    return ConvexValue.ofWorth(l, w);
  }

  private static double peakWorth(PriceList grid, DayKind kind, double wear, double etaOut) {
    return Math.max(0, grid.price(kind, false).eurPerKwh() - wear) * etaOut / 1000;
  }

  private static double worthAt(double[] length, double[] worth, double x) {
    double from = 0;
    for (int k = 0; k < length.length; k++) {
      from += length[k];
      if (x < from) {
        return worth[k];
      }
    }
    return worth.length == 0 ? 0 : worth[worth.length - 1];
  }

  /** The price of the horizon's last peak hour: what its eve pays to charge once it is known. */
  private double evePeakPrice() {
    for (int t = h.hours() - 1; t >= 0; t--) {
      if (!h.offPeak[t]) {
        return h.price[t];
      }
    }
    return Double.NaN;
  }

  /**
   * For m = 0, 1, ...: the chance that at least m + 2 red days come, from {@code after} on, before
   * the first blue day (a blue night to refill at the cheapest price), each day's colour drawn by
   * its chances ({@link TempoOdds#colourChances}), except that a day after a red one (the horizon's
   * last day or a red day of the run) is red with at least the share measured on the season's runs
   * ({@link TempoOdds#chanceOfRedAfterRed}). A unit kept for the (m + 2)-th red day after the
   * horizon spares a white or red night's purchase with that chance.
   */
  private double[] redRunChances(LocalDate after, int bands, TempoOdds.RedChances tally) {
    double[] run = new double[bands];
    // noBlue[r]: no blue day yet and r red days so far (r capped at bands + 1), the day before
    // not red; afterRed[r]: the same, the day before red, so a run may go on with the share of the
    // season's red days that were followed by another
    double[] noBlue = new double[bands + 2];
    double[] afterRed = new double[bands + 2];
    if (runGoesOn) {
      afterRed[0] = 1;
    } else {
      noBlue[0] = 1;
    }
    LocalDate day = after;
    double onRun = runGoesOn ? runChance : odds.orElseThrow().chanceOfRedAfterRed(after);
    TempoOdds.DayChances chances = odds.orElseThrow().dayChances(tally);
    for (int d = 0; d < MAX_DAYS_AHEAD; d++, day = day.plusDays(1)) {
      double[] c = chances.next(day);
      double red = c[0];
      double white = c[1];
      double redOnRun = red > 0 && red < 1 ? Math.max(red, onRun) : red;
      double whiteOnRun = Math.min(white, 1 - redOnRun);
      double[] next = new double[noBlue.length];
      double[] nextAfterRed = new double[noBlue.length];
      for (int r = 0; r < noBlue.length; r++) {
        int up = Math.min(noBlue.length - 1, r + 1);
        next[r] += noBlue[r] * white + afterRed[r] * whiteOnRun;
        nextAfterRed[up] += noBlue[r] * red + afterRed[r] * redOnRun;
      }
      noBlue = next;
      afterRed = nextAfterRed;
      double alive = 0;
      for (int r = 0; r < noBlue.length; r++) {
        alive += noBlue[r] + afterRed[r];
      }
      if (alive < 1e-6) {
        break;
      }
      // the run is counted when its (m + 2)-th red day comes
      for (int m = 0; m < bands; m++) {
        double reached = 0;
        for (int r = m + 2; r < noBlue.length; r++) {
          reached += noBlue[r] + afterRed[r];
        }
        run[m] = Math.max(run[m], reached);
      }
    }
    return run;
  }

  /**
   * The chance that fewer than {@code count} red days come in the rest of the season: each day that
   * may still be red taken as red with the chance red days left / those days, independently. The
   * tally's red days need not all be used (2019-2020 left four).
   */
  private double fewerRedDays(int count) {
    if (redCandidates <= 0) {
      return 1;
    }
    double p = Math.min(1, (double) redLeft / redCandidates);
    if (p >= 1) {
      return redCandidates < count ? 1 : 0;
    }
    // binomial(redCandidates, p): P(X < count), term by term
    double term = Math.pow(1 - p, redCandidates);
    double sum = 0;
    for (int x = 0; x < count && x <= redCandidates; x++) {
      sum += term;
      term *= (double) (redCandidates - x) / (x + 1) * p / (1 - p);
    }
    return Math.min(1, sum);
  }

  /** See {@link #worth}. */
  private static double need(int j, double redDay, double night, double afternoon) {
    return j == 0 ? redDay - night : redDay - j * night - afternoon;
  }

  /**
   * Stored units the horizon's last day can take in its peak hours from 11:00 (the last {@value
   * #HOURS_AFTER_PUBLICATION} before 22:00), when the next day's colour is known (tempo.md section
   * 1.3): a guess of what a red day's eve can still add once the red day is published.
   */
  private double lastAfternoonRefill() {
    double units = 0;
    int t = h.hours() - 1;
    while (t >= 0 && h.offPeak[t]) {
      t--;
    }
    for (int k = 0; k < HOURS_AFTER_PUBLICATION && t >= 0 && !h.offPeak[t]; k++, t--) {
      units += maxIn[t];
    }
    return units;
  }

  /** Stored units the fleet can give out in the same hours as {@link #lastAfternoonRefill}. */
  private double lastAfternoonOut() {
    double units = 0;
    int t = h.hours() - 1;
    while (t >= 0 && h.offPeak[t]) {
      t--;
    }
    for (int k = 0; k < HOURS_AFTER_PUBLICATION && t >= 0 && !h.offPeak[t]; k++, t--) {
      units += maxOut[t];
    }
    return units;
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
}
