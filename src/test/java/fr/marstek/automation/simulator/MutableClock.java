package fr.marstek.automation.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A test clock that only moves when told to. */
final class MutableClock implements InstantSource {

  private volatile Instant now;

  MutableClock(Instant start) {
    this.now = start;
  }

  static MutableClock atParis(String localDateTime) {
    return new MutableClock(
        LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant());
  }

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  void setParis(String localDateTime) {
    now = LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
  }
}
