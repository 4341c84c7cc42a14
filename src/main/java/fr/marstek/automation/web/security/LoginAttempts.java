package fr.marstek.automation.web.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing the API token, on the login form and in API requests alike (one count per
 * address for both): after {@link #MOST_FAILURES} wrong tokens from one address within {@link
 * #WINDOW}, that address may not try again until the window ends. The token has at least 16
 * characters, so this only stops a loop hammering the form or the API.
 */
@Component
public final class LoginAttempts {

  static final int MOST_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Past this many remembered addresses, expired ones are forgotten: memory stays bounded. */
  private static final int MOST_ADDRESSES = 10_000;

  private record Failures(Instant since, int count) {}

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final InstantSource clock;

  public LoginAttempts(InstantSource clock) {
    this.clock = clock;
  }

  /** How long this address must wait before trying again, if it must. */
  public Optional<Duration> waitFor(String address) {
    Instant now = clock.instant();
    Failures failures = byAddress.get(address);
    if (failures == null || failures.count() < MOST_FAILURES) {
      return Optional.empty();
    }
    Instant end = failures.since().plus(WINDOW);
    return end.isAfter(now) ? Optional.of(Duration.between(now, end)) : Optional.empty();
  }

  public void failed(String address) {
    Instant now = clock.instant();
    if (byAddress.size() >= MOST_ADDRESSES) {
      byAddress.values().removeIf(f -> !f.since().plus(WINDOW).isAfter(now));
    }
    if (byAddress.size() >= MOST_ADDRESSES) {
      // still full of fresh failures: a flood from many addresses; count them under one key
      address = "*";
    }
    byAddress.merge(
        address,
        new Failures(now, 1),
        (old, one) ->
            old.since().plus(WINDOW).isAfter(now)
                ? new Failures(old.since(), old.count() + 1)
                : one);
  }

  public void succeeded(String address) {
    byAddress.remove(address);
  }
}
