package fr.marstek.automation.planning;

import java.time.LocalDate;

/**
 * A unit beyond what one red day's forecast peak can take (a small house), kept for a later red day
 * of a run: worth the refill plus what it spares over a white night, weighed by the chance that the
 * run comes before a blue day, less what it loses when the season's red days run out first.
 */
final class RedRunValue {

  private final TempoOdds odds;
  private final UnitPrices unit;
  private final LocalDate after;
  // the horizon ends on a known red day, so the day after it goes on with the season's run share
  private final boolean runGoesOn;

  RedRunValue(TempoOdds odds, UnitPrices unit, LocalDate after, boolean runGoesOn) {
    this.odds = odds;
    this.unit = unit;
    this.after = after;
    this.runGoesOn = runGoesOn;
  }

  /**
   * Adds to {@code steps}, from {@code from} units on, one band of {@code redDay} units per later
   * red day of a run while it is worth more than {@code floor}; returns the units covered.
   */
  double addTo(WorthSteps steps, double from, double width, double redDay, double floor) {
    double nightSaving = unit.whiteNightSaving();
    if (!(width > from && redDay > 0 && nightSaving > 0)) {
      return from;
    }
    double refill = unit.refill();
    double redValue = unit.redPeak();
    // a unit kept for a red day that does not come is spent on a cheaper peak at last
    double unusedLoss = Math.max(0, refill - unit.cheapestPeak());
    TempoOdds.RedChances seasonTally = odds.redChances();
    double[] run = redRunChances((int) Math.ceil((width - from) / redDay), seasonTally);
    int redLeft = seasonTally.firstLeft;
    int redCandidates = seasonTally.firstCandidates;
    double last = steps.isEmpty() ? redValue : steps.lastWorth();
    for (int m = 0; m < run.length && width > from; m++) {
      double lost = fewerRedDays(m + 2, redLeft, redCandidates) * unusedLoss;
      double value = Math.min(last, Math.min(redValue, refill + run[m] * nightSaving - lost));
      if (value <= floor) {
        break;
      }
      double to = Math.min(width, from + redDay);
      steps.add(to - from, value);
      last = value;
      from = to;
    }
    return from;
  }

  /**
   * For m = 0, 1, ...: the chance that at least m + 2 red days come, from {@code after} on, before
   * the first blue day (a blue night to refill at the cheapest price), each day's colour drawn by
   * its chances ({@link TempoOdds#colourChances}), except that a day after a red one (the horizon's
   * last day or a red day of the run) is red with at least the share measured on the season's runs
   * ({@link TempoOdds#chanceOfRedAfterRed}). A unit kept for the (m + 2)-th red day after the
   * horizon spares a white or red night's purchase with that chance.
   */
  private double[] redRunChances(int bands, TempoOdds.RedChances tally) {
    double[] run = new double[bands];
    NoBlueYet noBlueYet = new NoBlueYet(bands + 2, runGoesOn);
    LocalDate day = after;
    double onRun = odds.chanceOfRedAfterRed(after);
    TempoOdds.DayChances chances = odds.dayChances(tally);
    for (int d = 0; d < StockValue.MAX_DAYS_AHEAD; d++, day = day.plusDays(1)) {
      double[] c = chances.next(day);
      noBlueYet.pass(c[0], c[1], onRun);
      if (noBlueYet.withAtLeast(0) < 1e-6) {
        break;
      }
      // the run is counted when its (m + 2)-th red day comes
      for (int m = 0; m < bands; m++) {
        run[m] = Math.max(run[m], noBlueYet.withAtLeast(m + 2));
      }
    }
    return run;
  }

  /**
   * The chances of no blue day yet, by red days so far (the last count holds that many or more):
   * {@code noBlue} when the day before was not red, {@code afterRed} when it was, so that a run may
   * go on with the share of the season's red days that were followed by another.
   */
  private static final class NoBlueYet {
    private double[] noBlue;
    private double[] afterRed;

    NoBlueYet(int counts, boolean afterARed) {
      noBlue = new double[counts];
      afterRed = new double[counts];
      if (afterARed) {
        afterRed[0] = 1;
      } else {
        noBlue[0] = 1;
      }
    }

    /** One more day, red or white with these chances, red at least {@code onRun} after a red. */
    void pass(double red, double white, double onRun) {
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
    }

    double withAtLeast(int reds) {
      double sum = 0;
      for (int r = reds; r < noBlue.length; r++) {
        sum += noBlue[r] + afterRed[r];
      }
      return sum;
    }
  }

  /**
   * The chance that fewer than {@code count} red days come in the rest of the season: each day that
   * may still be red taken as red with the chance red days left / those days, independently. The
   * tally's red days need not all be used (2019-2020 left four).
   */
  private static double fewerRedDays(int count, int redLeft, int redCandidates) {
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
}
