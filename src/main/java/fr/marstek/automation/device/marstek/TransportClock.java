package fr.marstek.automation.device.marstek;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Every time read and wait of the transport, so that pacing can be tested without sleeping. */
interface TransportClock {

  Instant now();

  void sleepUntil(Instant moment) throws InterruptedException;

  /** The future's value, or empty when it did not complete within the timeout. */
  <T> Optional<T> await(CompletableFuture<T> future, Duration timeout) throws InterruptedException;
}
