package fr.marstek.automation.replay;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Load given as intervals with offsets, of any length: each UTC hour gets the energy of the
 * intervals that overlap it, and counts only when intervals cover the whole hour.
 */
final class IntervalLoad implements LoadSeries {

  private static final long HOUR = 3600;

  private final Map<Long, double[]> energyAndSeconds = new HashMap<>();

  void add(Instant start, Instant end, double watts) {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("interval must end after it starts: " + start);
    }
    long from = start.getEpochSecond();
    long to = end.getEpochSecond();
    for (long hour = Math.floorDiv(from, HOUR); hour * HOUR < to; hour++) {
      long overlap = Math.min(to, (hour + 1) * HOUR) - Math.max(from, hour * HOUR);
      double[] acc = energyAndSeconds.computeIfAbsent(hour, k -> new double[2]);
      acc[0] += watts * overlap / HOUR;
      acc[1] += overlap;
    }
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    double[] acc = energyAndSeconds.get(Math.floorDiv(hourStart.getEpochSecond(), HOUR));
    if (acc == null || acc[1] < HOUR - 0.5 || acc[1] > HOUR + 0.5) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(acc[0]);
  }
}
