package fr.marstek.automation.device.modbus;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Every time read and wait of a Modbus link, so that pacing can be tested without sleeping. */
interface LinkClock {

  Instant now();

  void sleepUntil(Instant moment) throws InterruptedException;

  default void sleep(Duration duration) throws InterruptedException {
    sleepUntil(now().plus(duration));
  }

  /** Real waits against the injected instant source. */
  static LinkClock system(InstantSource source) {
    return new LinkClock() {
      @Override
      public Instant now() {
        return source.instant();
      }

      @Override
      public void sleepUntil(Instant moment) throws InterruptedException {
        Duration left = Duration.between(source.instant(), moment);
        if (left.isPositive()) {
          Thread.sleep(left);
        }
      }
    };
  }
}
