package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A battery's (or, with no battery, the whole fleet's) readings over [from, to). A fleet point sums
 * the batteries' powers and energies and averages their state of charge.
 */
public record Series(
    Optional<BatteryId> battery,
    Instant from,
    Instant to,
    Resolution resolution,
    List<SeriesPoint> points) {

  public Series {
    points = List.copyOf(points);
  }
}
