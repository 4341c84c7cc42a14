package fr.marstek.automation.tariff.tempo.provider;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When to ask the providers next (tempo.md §1.3): from 06:05 every 30 minutes until tomorrow is
 * known, once more after the binding 10:30 publication and once after 11:30, then not until the
 * next 06:05; failing sources are retried sooner, with exponential backoff.
 */
record PollPlan(Duration waiting, Duration firstRetry, Duration longestRetry, Duration jitter) {

  static final LocalTime MORNING = LocalTime.of(6, 5);
  static final LocalTime AFTER_BINDING = LocalTime.of(10, 35);

  static PollPlan standard() {
    return new PollPlan(
        Duration.ofMinutes(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(30),
        Duration.ofMinutes(3));
  }

  /**
   * @param failuresInARow refreshes in a row that left a colour unknown because sources failed
   * @param tomorrowFetchedAt when tomorrow's colour was read in this run (empty: from the cache)
   * @param random a number in [0, 1) that spreads polls over the jitter
   */
  Instant next(
      Instant now,
      TempoOutlook outlook,
      Optional<Instant> tomorrowFetchedAt,
      int failuresInARow,
      double random) {
    Duration spread = Duration.ofMillis((long) (jitter.toMillis() * random));
    if (failuresInARow > 0) {
      return now.plus(backoff(failuresInARow));
    }
    if (!outlook.todayColour().isKnown() || !outlook.tomorrowPublished()) {
      return now.plus(waiting).plus(spread);
    }
    LocalDate today = outlook.today();
    Instant fetched = tomorrowFetchedAt.orElse(Instant.MAX);
    Instant afterBinding = paris(today, AFTER_BINDING);
    if (fetched.isBefore(afterBinding)) {
      return latest(now, afterBinding.plus(spread));
    }
    Instant freeze = paris(today, TempoColours.FREEZE);
    if (fetched.isBefore(freeze)) {
      return latest(now, freeze.plus(spread));
    }
    return latest(now, paris(outlook.tomorrow(), MORNING).plus(spread));
  }

  Duration backoff(int failuresInARow) {
    int doublings = Math.min(failuresInARow - 1, 20);
    Duration wait = firstRetry.multipliedBy(1L << doublings);
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant paris(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, PARIS).toInstant();
  }
}
