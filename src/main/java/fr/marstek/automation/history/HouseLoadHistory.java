package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.planning.LoadHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The house's measured load per past hour, for the planner's forecast: the meter's import (the
 * batteries share one meter, so its mean) plus what the batteries delivered (their sum).
 */
final class HouseLoadHistory implements LoadHistory {

  private static final int CACHED_HOURS = 5000;

  private final HistoryQueries queries;
  // Past hours do not change once rolled up, so a forecast's repeated reads are served from here.
  private final Map<Instant, OptionalDouble> cache = new ConcurrentHashMap<>();

  HouseLoadHistory(HistoryQueries queries) {
    this.queries = queries;
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    OptionalDouble cached = cache.get(hourStart);
    if (cached != null) {
      return cached;
    }
    OptionalDouble measured = measure(hourStart);
    if (measured.isPresent()) {
      if (cache.size() > CACHED_HOURS) {
        cache.clear();
      }
      cache.put(hourStart, measured);
    }
    return measured;
  }

  private OptionalDouble measure(Instant hourStart) {
    Instant end = hourStart.plus(Duration.ofHours(1));
    double meterSum = 0;
    int meters = 0;
    double delivered = 0;
    boolean any = false;
    for (BatteryId battery : queries.batteries()) {
      var points = queries.series(Optional.of(battery), hourStart, end, Resolution.HOURLY).points();
      for (SeriesPoint p : points) {
        if (!p.at().equals(hourStart)) {
          continue;
        }
        if (p.batteryPower() != null) {
          delivered += p.batteryPower();
          any = true;
        }
        if (p.gridPower() != null) {
          meterSum += p.gridPower();
          meters++;
        }
      }
    }
    if (!any && meters == 0) {
      return OptionalDouble.empty();
    }
    double meter = meters == 0 ? 0 : meterSum / meters;
    return OptionalDouble.of(Math.max(0, meter + delivered));
  }
}
