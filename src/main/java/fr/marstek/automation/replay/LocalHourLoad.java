package fr.marstek.automation.replay;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Hourly load stamped with local clock time without offset: each Paris hour reads the value of its
 * wall-clock hour, so a 25-hour day reads 02:00 twice and a 23-hour day skips it. Held as an array
 * by wall-clock hour (NaN where missing): a replay reads it millions of times.
 */
final class LocalHourLoad implements LoadSeries {

  private final long firstHour;
  private final double[] watts;

  /**
   * @param wallHours each row's wall-clock hour ({@link #wallHour}), in file order: a later row of
   *     the same hour replaces an earlier one
   * @param watts each row's load
   */
  LocalHourLoad(long[] wallHours, double[] watts, int rows) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      first = Math.min(first, wallHours[i]);
      last = Math.max(last, wallHours[i]);
    }
    firstHour = rows == 0 ? 0 : first;
    this.watts = new double[rows == 0 ? 0 : Math.toIntExact(last - first + 1)];
    Arrays.fill(this.watts, Double.NaN);
    for (int i = 0; i < rows; i++) {
      this.watts[(int) (wallHours[i] - firstHour)] = watts[i];
    }
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

  /** Hours from 1970-01-01T00:00 to {@code t} on the wall clock, as if no clock ever changed. */
  static long wallHour(LocalDateTime t) {
    return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3600);
  }
}
