package fr.marstek.automation.tariff.tempo;

import java.time.Duration;
import java.util.Optional;

/**
 * A colour source could not answer. The message says why in words a user can act on and never holds
 * a secret; {@link #retryable()} tells a passing outage from a setup mistake.
 */
public class ProviderFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  public ProviderFailure(String message, boolean retryable, Optional<Duration> retryAfter) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static ProviderFailure retryable(String message) {
    return new ProviderFailure(message, true, Optional.empty());
  }

  public static ProviderFailure permanent(String message) {
    return new ProviderFailure(message, false, Optional.empty());
  }

  /** Asking again later may work (timeout, 5xx, 429); false for 400/403/404 and bad setups. */
  public boolean retryable() {
    return retryable;
  }

  /** The wait the source asked for (HTTP {@code Retry-After}), if any. */
  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }
}
