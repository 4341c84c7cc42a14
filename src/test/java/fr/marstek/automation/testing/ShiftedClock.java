package fr.marstek.automation.testing;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;

/**
 * Real time moved to a chosen moment: it ticks like the wall clock (so timers, sockets and a second
 * process agree with it) and jumps when told, for tests that run the service at its real pace.
 */
public final class ShiftedClock implements InstantSource {

  private volatile Duration shift;

  private ShiftedClock(Instant start) {
    jumpTo(start);
  }

  public static ShiftedClock atParis(String localDateTime) {
    return new ShiftedClock(LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant());
  }

  public void jumpTo(Instant target) {
    shift = Duration.between(Instant.now(), target);
  }

  public LocalDateTime parisNow() {
    return LocalDateTime.ofInstant(instant(), PARIS);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
  }
}
