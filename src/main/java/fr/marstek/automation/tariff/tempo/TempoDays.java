package fr.marstek.automation.tariff.tempo;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The Tempo day (06:00 to 06:00 Europe/Paris) and its peak and off-peak hours. */
public final class TempoDays {

  public static final int DAY_START_HOUR = 6;
  public static final int OFF_PEAK_START_HOUR = 22;

  private TempoDays() {}

  /** The Tempo day that {@code t} belongs to; local wall-clock hours, so DST days stay right. */
  public static LocalDate tempoDayOf(Instant t) {
    return tempoDayOf(LocalDateTime.ofInstant(t, PARIS));
  }

  /** The Tempo day of a Paris wall-clock time. */
  public static LocalDate tempoDayOf(LocalDateTime local) {
    return local.getHour() < DAY_START_HOUR
        ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  /** Off-peak (HC) runs 22:00 to 06:00 local time, whatever the colour. */
  public static boolean isOffPeak(Instant t) {
    return isOffPeak(LocalDateTime.ofInstant(t, PARIS));
  }

  /** Whether a Paris wall-clock time is off-peak. */
  public static boolean isOffPeak(LocalDateTime local) {
    int hour = local.getHour();
    return hour >= OFF_PEAK_START_HOUR || hour < DAY_START_HOUR;
  }

  /** The first 06:00 or 22:00 Paris after {@code t} (one hour off on the nights clocks change). */
  public static Instant nextPeriodChange(Instant t) {
    LocalDate date = LocalDateTime.ofInstant(t, PARIS).toLocalDate();
    for (int d = 0; d <= 1; d++) {
      for (int hour : new int[] {DAY_START_HOUR, OFF_PEAK_START_HOUR}) {
        Instant candidate = date.plusDays(d).atTime(hour, 0).atZone(PARIS).toInstant();
        if (candidate.isAfter(t)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no period change within two days of " + t);
  }

  public static Instant start(LocalDate tempoDay) {
    return tempoDay.atTime(DAY_START_HOUR, 0).atZone(PARIS).toInstant();
  }

  public static Instant end(LocalDate tempoDay) {
    return start(tempoDay.plusDays(1));
  }

  public static Instant offPeakStart(LocalDate tempoDay) {
    return tempoDay.atTime(OFF_PEAK_START_HOUR, 0).atZone(PARIS).toInstant();
  }

  /** 24 hours, or 23 and 25 on the nights the clocks change. */
  public static Duration length(LocalDate tempoDay) {
    return Duration.between(start(tempoDay), end(tempoDay));
  }
}
