package fr.marstek.automation.control;

import java.time.Duration;

/**
 * When to send a command again to a battery that did not take it: doubling waits, then a battery
 * counts as drifted and is retried at a slow steady pace.
 */
public record RetryPolicy(Duration firstWait, int attemptsBeforeDrift, Duration driftedWait) {

  public RetryPolicy {
    if (attemptsBeforeDrift < 1) {
      throw new IllegalArgumentException("at least one attempt before a battery counts as drifted");
    }
  }

  public static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofSeconds(30), 4, Duration.ofMinutes(5));
  }

  Duration waitAfter(int attempts) {
    if (attempts >= attemptsBeforeDrift) {
      return driftedWait;
    }
    return firstWait.multipliedBy(1L << Math.min(attempts - 1, 10));
  }
}
