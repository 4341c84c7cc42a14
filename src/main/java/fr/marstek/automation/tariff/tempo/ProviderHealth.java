package fr.marstek.automation.tariff.tempo;

import java.time.Instant;
import java.util.Optional;

/** How one colour source fared: its last success, its last error and how many in a row failed. */
public record ProviderHealth(
    String name,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastErrorAt,
    Optional<String> lastError,
    int failuresInARow,
    Optional<Instant> pausedUntil) {

  public static ProviderHealth untried(String name) {
    return new ProviderHealth(
        name, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  public boolean healthy() {
    return failuresInARow == 0;
  }

  ProviderHealth succeeded(Instant at) {
    return new ProviderHealth(name, Optional.of(at), lastErrorAt, lastError, 0, Optional.empty());
  }

  ProviderHealth failed(Instant at, String error, Optional<Instant> pause) {
    return new ProviderHealth(
        name, lastSuccess, Optional.of(at), Optional.of(error), failuresInARow + 1, pause);
  }
}
