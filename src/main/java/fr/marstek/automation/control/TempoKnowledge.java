package fr.marstek.automation.control;

import fr.marstek.automation.tariff.tempo.TempoCalendar;
import java.time.Instant;

/**
 * The Tempo colours known at an instant, as the planner needs them. Until colour providers are
 * wired, nothing is known and the planner plans every day at its worst possible colour.
 */
@FunctionalInterface
public interface TempoKnowledge {

  TempoCalendar knownAt(Instant now);

  static TempoKnowledge nothingKnown() {
    return now -> TempoCalendar.of(java.util.Map.of());
  }
}
