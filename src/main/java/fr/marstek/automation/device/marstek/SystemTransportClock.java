package fr.marstek.automation.device.marstek;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real waits against the injected instant source. */
final class SystemTransportClock implements TransportClock {

  private final InstantSource source;

  SystemTransportClock(InstantSource source) {
    this.source = source;
  }

  @Override
  public Instant now() {
    return source.instant();
  }

  @Override
  public void sleepUntil(Instant moment) throws InterruptedException {
    Duration left = Duration.between(now(), moment);
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }

  @Override
  public <T> Optional<T> await(CompletableFuture<T> future, Duration timeout)
      throws InterruptedException {
    try {
      return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reply futures never fail", e);
    }
  }
}
