package fr.marstek.automation.testing;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;

/** A test clock that only moves when told to. */
public final class MutableClock implements InstantSource {

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public static MutableClock atParis(String localDateTime) {
    return new MutableClock(LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant());
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  public void setParis(String localDateTime) {
    now = LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }
}
