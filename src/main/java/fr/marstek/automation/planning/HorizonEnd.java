package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.DayKind;
import java.time.LocalDate;

/**
 * The last hours of a horizon, as what a stored unit kept past it can count on: how many units its
 * last night and last afternoon can still bring (power, import cap and forecast load), how many one
 * peak can use, and the last peak's price.
 */
final class HorizonEnd {

  // 11:00 to 22:00: the peak hours of a day after the next day's colour is published
  private static final int HOURS_AFTER_PUBLICATION = 11;

  private final Horizon h;
  private final double[] maxIn;
  private final double[] maxOut;

  HorizonEnd(Horizon h, double[] maxIn, double[] maxOut) {
    this.h = h;
    this.maxIn = maxIn;
    this.maxOut = maxOut;
  }

  LocalDate lastDay() {
    return h.day[h.hours() - 1];
  }

  /** The price of the horizon's last hour, NaN when unknown. */
  double lastNightPrice() {
    return h.price[h.hours() - 1];
  }

  /** The last day is a published red day, not one assumed at its worst. */
  boolean endsOnKnownRed() {
    DayKind lastKind = h.kind[h.hours() - 1];
    return lastKind != null && lastKind.isCritical() && !h.assumed[h.hours() - 1];
  }

  /** Stored units the horizon's last night can take. */
  double lastNightIn() {
    double units = 0;
    for (int t = h.hours() - 1; t >= 0 && h.offPeak[t]; t--) {
      units += maxIn[t];
    }
    return units;
  }

  /**
   * Stored units the horizon's last day can take in its peak hours from 11:00 (the last {@value
   * #HOURS_AFTER_PUBLICATION} before 22:00), when the next day's colour is known (tempo.md section
   * 1.3): a guess of what a red day's eve can still add once the red day is published.
   */
  double lastAfternoonIn() {
    return lastAfternoon(maxIn);
  }

  /** Stored units the fleet can give out in the same hours as {@link #lastAfternoonIn}. */
  double lastAfternoonOut() {
    return lastAfternoon(maxOut);
  }

  private double lastAfternoon(double[] perHour) {
    double units = 0;
    int t = h.hours() - 1;
    while (t >= 0 && h.offPeak[t]) {
      t--;
    }
    for (int k = 0; k < HOURS_AFTER_PUBLICATION && t >= 0 && !h.offPeak[t]; k++, t--) {
      units += perHour[t];
    }
    return units;
  }

  /** Stored units the fleet can give out over one peak: the largest day's in the horizon. */
  double peakUse() {
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

  /** The price of the horizon's last peak hour: what its eve pays to charge once it is known. */
  double evePeakPrice() {
    for (int t = h.hours() - 1; t >= 0; t--) {
      if (!h.offPeak[t]) {
        return h.price[t];
      }
    }
    return Double.NaN;
  }
}
