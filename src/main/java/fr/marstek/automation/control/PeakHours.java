package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Tempo peak hours: 06:00-22:00 Paris wall-clock time, every day. */
final class PeakHours {

  static final LocalTime START = LocalTime.of(6, 0);
  static final LocalTime END = LocalTime.of(22, 0);

  private PeakHours() {}

  static boolean contains(Instant t) {
    LocalTime local = LocalDateTime.ofInstant(t, PARIS).toLocalTime();
    return !local.isBefore(START) && local.isBefore(END);
  }

  static Instant nextEdge(Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, PARIS);
    for (int d = 0; d <= 1; d++) {
      for (LocalTime edge : new LocalTime[] {START, END}) {
        Instant candidate =
            ZonedDateTime.of(local.toLocalDate().plusDays(d), edge, PARIS).toInstant();
        if (candidate.isAfter(t)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no peak edge within two days of " + t);
  }
}
