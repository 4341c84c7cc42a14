package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Same weekday and local hour over the last weeks, from history measured before {@code now}; a
 * typical French household profile when fewer than two such hours were measured.
 */
public record WeekdayHourForecast(LoadHistory history, Instant now, int weeks)
    implements LoadForecast {

  private static final int MIN_SAMPLES = 2;
  private static final long WEEK_SECONDS = 7 * 24 * 3600;
  // The last day, for the recent level; at least half of it measured.
  private static final int RECENT_HOURS = 24;
  private static final int MIN_RECENT_HOURS = 12;
  // Mean W per local hour 0..23 of an electric-heated French house without PV (a fallback only).
  private static final double[] PROFILE = {
    450, 400, 380, 370, 370, 400, 550, 800, 850, 700, 600, 600, 650, 600, 550, 550, 600, 750, 1000,
    1200, 1150, 1000, 800, 600
  };

  public WeekdayHourForecast {
    if (weeks < 1) {
      throw new IllegalArgumentException("weeks must be at least 1: " + weeks);
    }
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    return estimate(hourStart, true);
  }

  /** The mean of the same hours instead of their highest. */
  @Override
  public OptionalDouble typicalWatts(Instant hourStart) {
    return estimate(hourStart, false);
  }

  /** The mean over the same hours of what the cap left above the house. */
  @Override
  public OptionalDouble roomWatts(Instant hourStart, double capW) {
    return room(hourStart, measured(hourStart), capW);
  }

  /** The mean of the hours measured in the last day before {@code now}. */
  @Override
  public OptionalDouble recentWatts() {
    Instant last = now.truncatedTo(ChronoUnit.HOURS);
    double sum = 0;
    int measured = 0;
    for (int k = 1; k <= RECENT_HOURS; k++) {
      OptionalDouble w = history.watts(last.minus(k, ChronoUnit.HOURS));
      if (w.isPresent()) {
        sum += w.getAsDouble();
        measured++;
      }
    }
    return measured >= MIN_RECENT_HOURS
        ? OptionalDouble.of(sum / measured)
        : OptionalDouble.empty();
  }

  /**
   * {@link #watts}, {@link #typicalWatts} and {@link #roomWatts} of one hour (in that order), from
   * one read of the past weeks: a replay asks all three for every hour of a season.
   */
  public double[] all(Instant hourStart, double capW) {
    double[] measured = measured(hourStart);
    return new double[] {
      estimate(hourStart, measured, true).getAsDouble(),
      estimate(hourStart, measured, false).getAsDouble(),
      room(hourStart, measured, capW).getAsDouble()
    };
  }

  private OptionalDouble estimate(Instant hourStart, boolean highestOfWeeks) {
    return estimate(hourStart, measured(hourStart), highestOfWeeks);
  }

  /** What was measured at the same weekday and local hour in the past weeks, latest first. */
  private double[] measured(Instant hourStart) {
    ZoneRules rules = PARIS.getRules();
    ZoneOffset offset = rules.getOffset(hourStart);
    double[] found = new double[weeks];
    int samples = 0;
    for (int k = 1; k <= weeks; k++) {
      Instant past = weeksBefore(hourStart, offset, k, rules);
      if (past.plusSeconds(3600).isAfter(now)) {
        continue;
      }
      OptionalDouble measured = history.watts(past);
      if (measured.isPresent()) {
        found[samples++] = measured.getAsDouble();
      }
    }
    return samples == weeks ? found : Arrays.copyOf(found, samples);
  }

  /**
   * The same local time {@code k} weeks before. When the clocks show the same offset then as now,
   * it is exactly k times 168 hours before (the only instant with that local time, or, in an autumn
   * hour that comes twice, the one with today's offset, as {@link ZonedDateTime} picks it), found
   * without a time-zone look-up by local time: a replay asks it four times for every hour of a
   * season.
   */
  private static Instant weeksBefore(Instant hourStart, ZoneOffset offset, int k, ZoneRules rules) {
    Instant candidate = hourStart.minusSeconds(k * WEEK_SECONDS);
    if (rules.getOffset(candidate).equals(offset)) {
      return candidate;
    }
    return hourStart.atZone(PARIS).minusWeeks(k).toInstant();
  }

  private static OptionalDouble room(Instant hourStart, double[] measured, double capW) {
    if (measured.length >= MIN_SAMPLES) {
      double sum = 0;
      for (double w : measured) {
        sum += Math.max(0, capW - w);
      }
      return OptionalDouble.of(sum / measured.length);
    }
    return OptionalDouble.of(
        Math.max(0, capW - PROFILE[LocalDateTime.ofInstant(hourStart, PARIS).getHour()]));
  }

  private static OptionalDouble estimate(
      Instant hourStart, double[] measured, boolean highestOfWeeks) {
    if (measured.length >= MIN_SAMPLES) {
      double highest = 0;
      double sum = 0;
      for (double w : measured) {
        highest = Math.max(highest, w);
        sum += w;
      }
      return OptionalDouble.of(highestOfWeeks ? highest : sum / measured.length);
    }
    return OptionalDouble.of(PROFILE[LocalDateTime.ofInstant(hourStart, PARIS).getHour()]);
  }
}
