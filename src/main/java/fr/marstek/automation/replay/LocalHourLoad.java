package fr.marstek.automation.replay;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Hourly load stamped with local clock time without offset: each Paris hour reads the value of its
 * wall-clock hour, so a 25-hour day reads 02:00 twice and a 23-hour day skips it. Held as an array
 * by wall-clock hour (NaN where missing): a replay reads it millions of times.
 */
final class LocalHourLoad implements LoadSeries {

  private final long firstHour;
  private final double[] watts;

  LocalHourLoad(Map<LocalDateTime, Double> byHour) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (LocalDateTime hour : byHour.keySet()) {
      first = Math.min(first, wallHour(hour));
      last = Math.max(last, wallHour(hour));
    }
    firstHour = byHour.isEmpty() ? 0 : first;
    watts = new double[byHour.isEmpty() ? 0 : Math.toIntExact(last - first + 1)];
    Arrays.fill(watts, Double.NaN);
    byHour.forEach((hour, w) -> watts[(int) (wallHour(hour) - firstHour)] = w);
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    return at(LocalDateTime.ofInstant(hourStart, PARIS));
  }

  OptionalDouble at(LocalDateTime wallClock) {
    long k = wallHour(wallClock) - firstHour;
    if (k < 0 || k >= watts.length || Double.isNaN(watts[(int) k])) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(watts[(int) k]);
  }

  private static long wallHour(LocalDateTime t) {
    return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3600);
  }
}
