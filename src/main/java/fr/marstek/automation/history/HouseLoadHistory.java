package fr.marstek.automation.history;

import fr.marstek.automation.planning.LoadHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The house's measured load per past hour, for the planner's forecast: the meter's import (the
 * batteries share one meter, so its mean) plus what the batteries delivered (their sum).
 */
final class HouseLoadHistory implements LoadHistory {

  private static final int CACHED_HOURS = 5000;

  private final HistoryQueries queries;
  private final BoundedReads reads;
  // Past hours do not change once rolled up, so a forecast's repeated reads are served from here.
  private final Map<Instant, OptionalDouble> cache = new ConcurrentHashMap<>();

  HouseLoadHistory(HistoryQueries queries, BoundedReads reads) {
    this.queries = queries;
    this.reads = reads;
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    OptionalDouble cached = cache.get(hourStart);
    if (cached != null) {
      return cached;
    }
    // Read on the control cycle's thread (the plan): an unanswered read is an unmeasured hour.
    OptionalDouble measured = reads.read(() -> measure(hourStart)).orElse(OptionalDouble.empty());
    if (measured.isPresent()) {
      if (cache.size() > CACHED_HOURS) {
        cache.clear();
      }
      cache.put(hourStart, measured);
    }
    return measured;
  }

  private OptionalDouble measure(Instant hourStart) {
    FleetHours.Hour hour =
        FleetHours.read(queries, hourStart, hourStart.plus(Duration.ofHours(1)))
            .hours()
            .get(hourStart);
    return hour == null || !hour.measured()
        ? OptionalDouble.empty()
        : OptionalDouble.of(hour.houseWatts());
  }
}
