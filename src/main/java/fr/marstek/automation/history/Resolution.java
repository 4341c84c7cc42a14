package fr.marstek.automation.history;

import java.time.Duration;
import java.time.Instant;

/** How finely a series is read: chosen from the range so a chart reads a few thousand rows. */
public enum Resolution {
  /** Every stored sample (a fleet series is averaged per minute). */
  RAW,
  /** One point per UTC hour (local hours in Europe/Paris, whose offset is whole hours). */
  HOURLY,
  /** One point per calendar day in Europe/Paris. */
  DAILY;

  static final Duration LONGEST_RAW = Duration.ofHours(26);
  static final Duration LONGEST_HOURLY = Duration.ofDays(62);

  /** Raw up to about a day, hourly up to about two months, daily beyond. */
  public static Resolution forRange(Instant from, Instant to) {
    Duration range = Duration.between(from, to);
    if (range.compareTo(LONGEST_RAW) <= 0) {
      return RAW;
    }
    return range.compareTo(LONGEST_HOURLY) <= 0 ? HOURLY : DAILY;
  }
}
