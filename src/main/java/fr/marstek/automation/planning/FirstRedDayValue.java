package fr.marstek.automation.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit stocked for the first red day after the horizon, when the nights cannot refill the
 * batteries in time for it (low charge power, the import cap): units up to {@code need(j)} are
 * needed if the first red day comes j days after the horizon, and worth the red peak with the
 * chance that it comes that early. The need is what a red day can use less what can still be
 * charged for it: for j = 0, the horizon's last night (its purchase is decided once the red day is
 * published); for j &gt; 0, the j nights after the horizon and, once the red day is published at
 * 11:00 the day before, that day's peak hours, guessed from the horizon's last day. Counting a
 * night there instead (one night more than the red day has) hid the shortfall under an import cap,
 * where a heavy house leaves little room at night and none by day.
 */
final class FirstRedDayValue {

  private final TempoOdds odds;
  private final LocalDate after;
  // the day after the horizon is taken as not red (the branch of a plan that learns its colour)
  private final boolean afterNotRed;
  private final double night;
  private final double afternoon;
  private final double redDay;
  // the day the reason names: the first that may be red, not a weekend day after the horizon
  private LocalDate firstPossible;
  private Optional<OptimisingPlanner.Stocking> stocking = Optional.empty();

  FirstRedDayValue(
      TempoOdds odds, LocalDate after, boolean afterNotRed, HorizonEnd end, double redDay) {
    this.odds = odds;
    this.after = after;
    this.afterNotRed = afterNotRed;
    this.night = end.lastNightIn();
    this.afternoon = end.lastAfternoonIn();
    this.redDay = redDay;
  }

  /**
   * Adds the bands of units a first red day may need, each worth at least {@code base}, to {@code
   * steps}; returns the units they cover.
   */
  double addTo(WorthSteps steps, UnitPrices unit, double base, double width) {
    double refill = unit.refill();
    double redValue = unit.redPeak();
    List<Double> chances = night > 0 && redValue > refill ? firstRedChances() : List.of();
    // bands from 0 upwards: below need(j) the units count for every first red at index <= j
    double from = 0;
    for (int j = chances.size() - 1; j >= 0; j--) {
      double cumulative = 0;
      for (int i = 0; i <= j; i++) {
        cumulative += chances.get(i);
      }
      double to = Math.min(width, need(j));
      if (to > from) {
        double worth =
            Math.min(redValue, Math.max(base, refill + (redValue - refill) * cumulative));
        steps.add(to - from, worth);
        if (worth > base) {
          LocalDate named = firstPossible == null ? after : firstPossible;
          stocking = Optional.of(new OptimisingPlanner.Stocking(named, night, redDay));
        }
        from = to;
      }
    }
    return from;
  }

  /**
   * For j = 0, 1, ... while a red day needs more than the nights bring: the first red in j days.
   */
  private List<Double> firstRedChances() {
    List<Double> chances = new ArrayList<>();
    TempoOdds.RedChances redChances = odds.redChances();
    double noRedYet = 1;
    LocalDate day = after;
    for (int j = 0; j < StockValue.MAX_DAYS_AHEAD && need(j) > 0; j++) {
      // asked for every day, since the tally counts the days in order
      double chance = redChances.next(day);
      double p = j == 0 && afterNotRed ? 0 : chance;
      if (p > 0 && firstPossible == null) {
        firstPossible = day;
      }
      chances.add(noRedYet * p);
      noRedYet *= 1 - p;
      day = day.plusDays(1);
    }
    return chances;
  }

  /** Why units are stocked over several nights, when they are. */
  Optional<OptimisingPlanner.Stocking> stocking() {
    return stocking;
  }

  private double need(int j) {
    return j == 0 ? redDay - night : redDay - j * night - afternoon;
  }
}
