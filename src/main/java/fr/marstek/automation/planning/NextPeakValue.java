package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.DayKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * At least what a unit kept past the horizon earns around the next day, when a peak other than red
 * pays more than the refill (little or no wear, so every peak is worth cycling for) and the last
 * night cannot fill what a peak can use. The next day's colour comes out at 11:00 on the horizon's
 * last day (its eve); then the unit is either sold on the eve's peak hours (when they can take more
 * than the batteries hold) or kept and sold on the next day's peak, counted at most at what the
 * eve's peak hours would then pay to charge it: the better of the two, weighed by each colour's
 * chance. A unit the next day's own night could not bring may also be kept through the next day for
 * the day after, published at 11:00 on the next day, in the same way (a Friday night's charge kept
 * through a weekend for a Monday that may be white). One beyond what a peak can use keeps the value
 * it had. Without it, at low charge power a night's charge was sold at a blue peak and bought back
 * at the eve's peak price once the next day came out white or red, where keeping it would have cost
 * nothing had the day come out blue.
 */
final class NextPeakValue {

  private final List<DayKind> kinds;
  private final UnitPrices unit;
  private final HorizonEnd end;
  private final Optional<TempoOdds> odds;
  private final double width;

  NextPeakValue(
      List<DayKind> kinds,
      UnitPrices unit,
      HorizonEnd end,
      Optional<TempoOdds> odds,
      double width) {
    this.kinds = kinds;
    this.unit = unit;
    this.end = end;
    this.odds = odds;
    this.width = width;
  }

  /** {@code value} raised to at least the next day's worth; {@code kept}: a unit's worth anyway. */
  ConvexValue atLeast(ConvexValue value, double kept) {
    double[] length = value.length;
    double[] worth = new double[value.slope.length];
    for (int k = 0; k < worth.length; k++) {
      worth[k] = -value.slope[k];
    }
    double use = Math.min(width, end.peakUse());
    // when the last night alone fills what a peak can use, a unit kept from an earlier one only
    // takes the place of one bought on it at the same price: nothing to add
    if (odds.isEmpty() || !aPeakBelowRedPays() || end.lastNightIn() >= use) {
      return ConvexValue.ofWorth(length, worth);
    }
    Floors floors = floors(kept, use);
    WorthSteps steps = new WorthSteps();
    double at = 0;
    for (double cut : floors.cuts(length, width)) {
      double to = Math.min(width, cut);
      if (to - at <= 1e-9) {
        continue;
      }
      double mid = (at + to) / 2;
      steps.add(to - at, Math.max(floors.at(mid), worthAt(length, worth, mid)));
      at = to;
    }
    return steps.value();
  }

  private boolean aPeakBelowRedPays() {
    boolean pays = false;
    for (DayKind kind : kinds) {
      pays |= !kind.isCritical() && unit.peak(kind) > unit.refill();
    }
    return pays;
  }

  private Floors floors(double kept, double use) {
    double evePeak = end.evePeakPrice();
    // what the eve's peak hours, once the next day's colour is out, pay to charge and to discharge
    double eveBuy = Double.isNaN(evePeak) ? Double.POSITIVE_INFINITY : unit.boughtAt(evePeak);
    double eveSell = Double.isNaN(evePeak) ? 0 : unit.soldAt(evePeak);
    // a unit not kept for the next day is sold on the eve's afternoon instead, when those hours can
    // take more than the batteries hold: on top of what they would give out there anyway (a small
    // house's afternoon is already covered from the batteries, with nothing left to sell into)
    double eveOut = end.lastAfternoonOut() >= width ? use : 0;
    LocalDate next = end.lastDay().plusDays(1);
    double[] chance = odds.orElseThrow().colourChances(next);
    double onEve = 0;
    double carried = 0;
    for (int c = 0; c < kinds.size(); c++) {
      double sold = Math.min(unit.peak(kinds.get(c)), eveBuy);
      onEve += chance[c] * Math.max(kept, Math.max(eveSell, sold));
      carried += chance[c] * Math.max(kept, sold);
    }
    double twoDays = throughNextDay(next, chance, kept, eveBuy, eveOut > 0 ? eveSell : 0);
    return new Floors(eveOut, use - end.lastNightIn(), use, onEve, carried, twoDays);
  }

  /**
   * The least a unit is worth by its place from the first unit up: below {@code eveOut} sold on the
   * eve or kept ({@code onEve}), below {@code use} kept for the next day ({@code carried}), below
   * {@code beyondNight} (what the next day's night cannot bring) also kept through it ({@code
   * twoDays}).
   */
  private record Floors(
      double eveOut, double beyondNight, double use, double onEve, double carried, double twoDays) {

    double at(double units) {
      double atLeast = units < eveOut ? onEve : units < use ? carried : 0;
      return units < beyondNight ? Math.max(atLeast, twoDays) : atLeast;
    }

    /** Where a band of {@code length} or a floor ends, in order. */
    List<Double> cuts(double[] length, double width) {
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
      Collections.sort(cuts);
      return cuts;
    }
  }

  /**
   * A unit the next day's own night could not bring may be kept through that day for the day after,
   * published at 11:00 on it: sold on the next day's peak if the day after is no dearer, else worth
   * the day after's peak, at most what the next day's peak would cost to charge it.
   */
  private double throughNextDay(
      LocalDate next, double[] chance, double kept, double eveBuy, double eveSell) {
    double[] chanceAfter = odds.orElseThrow().colourChances(next.plusDays(1));
    double twoDays = 0;
    for (int c = 0; c < kinds.size(); c++) {
      double sell = unit.peak(kinds.get(c));
      double buy = unit.chargedAtPeak(kinds.get(c));
      double later = 0;
      for (int d = 0; d < kinds.size(); d++) {
        later += chanceAfter[d] * Math.max(sell, Math.min(unit.peak(kinds.get(d)), buy));
      }
      double sold = Math.min(later, eveBuy);
      twoDays += chance[c] * Math.max(kept, Math.max(eveSell, sold));
    }
    return twoDays;
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
}
