package fr.marstek.automation.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code CLOCK_START}: run the service as if its clock read this instant when it started (for demos
 * of the night charge by day, and for tests that kill and restart the real jar at a chosen minute).
 * Empty, the normal case: the real clock.
 */
public record ClockSettings(Optional<Instant> start) {

  public static ClockSettings from(Variables variables) {
    Instant start =
        variables.get(
            "CLOCK_START",
            null,
            "an ISO-8601 date and time with its offset, e.g. 2026-01-14T23:00:00+01:00, or empty",
            value -> OffsetDateTime.parse(value).toInstant());
    return new ClockSettings(Optional.ofNullable(start));
  }
}
