package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;

/**
 * Same weekday and local hour over the last weeks, from history measured before {@code now}; a
 * typical French household profile when fewer than two such hours were measured.
 */
public record WeekdayHourForecast(LoadHistory history, Instant now, int weeks)
    implements LoadForecast {

  private static final int MIN_SAMPLES = 2;
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
    ZonedDateTime local = hourStart.atZone(PARIS);
    double sum = 0;
    int samples = 0;
    for (int k = 1; k <= weeks; k++) {
      Instant past = local.minusWeeks(k).toInstant();
      if (past.plusSeconds(3600).isAfter(now)) {
        continue;
      }
      OptionalDouble measured = history.watts(past);
      if (measured.isPresent()) {
        sum += Math.max(0, capW - measured.getAsDouble());
        samples++;
      }
    }
    if (samples >= MIN_SAMPLES) {
      return OptionalDouble.of(sum / samples);
    }
    return OptionalDouble.of(
        Math.max(0, capW - PROFILE[LocalDateTime.ofInstant(hourStart, PARIS).getHour()]));
  }

  private OptionalDouble estimate(Instant hourStart, boolean highestOfWeeks) {
    ZonedDateTime local = hourStart.atZone(PARIS);
    double highest = 0;
    double sum = 0;
    int samples = 0;
    for (int k = 1; k <= weeks; k++) {
      Instant past = local.minusWeeks(k).toInstant();
      if (past.plusSeconds(3600).isAfter(now)) {
        continue;
      }
      OptionalDouble measured = history.watts(past);
      if (measured.isPresent()) {
        highest = Math.max(highest, measured.getAsDouble());
        sum += measured.getAsDouble();
        samples++;
      }
    }
    if (samples >= MIN_SAMPLES) {
      return OptionalDouble.of(highestOfWeeks ? highest : sum / samples);
    }
    return OptionalDouble.of(PROFILE[LocalDateTime.ofInstant(hourStart, PARIS).getHour()]);
  }
}
