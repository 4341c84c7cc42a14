package fr.marstek.automation.device.marstek;

import fr.marstek.automation.simulator.SimulatedDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transport's clock for a client talking to one in-process simulated device: a request the
 * device handled without answering (lost, API off) times out at once, and this clock's time jumps
 * by what was left of the timeout, as if it had been waited out. Everything else waits in real
 * time: replies, late ones included, still travel over real UDP within the real timeout, and pacing
 * sleeps for real.
 *
 * <p>The n-th wait belongs to the n-th datagram the device handled: the client sends one request
 * and waits for it before the next, and nothing else talks to the device. {@link #waits()} lets a
 * test check that at the end.
 */
final class KnownSilenceClock implements TransportClock, SimulatedDevice.HandledListener {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Boolean> answers = new ArrayList<>();
  private int waits;
  private volatile Duration skipped = Duration.ZERO;

  @Override
  public Instant now() {
    return Instant.now().plus(skipped);
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
    Instant deadline = now().plus(timeout);
    future.whenComplete((value, failure) -> wake());
    int request;
    lock.lock();
    try {
      request = waits++;
      while (answers.size() <= request && !future.isDone()) {
        long left = Duration.between(now(), deadline).toNanos();
        if (left <= 0) {
          break;
        }
        changed.awaitNanos(left);
      }
      if (!future.isDone() && answers.size() > request && !answers.get(request)) {
        Duration left = Duration.between(now(), deadline);
        if (left.isPositive()) {
          skipped = skipped.plus(left);
        }
        return Optional.empty();
      }
    } finally {
      lock.unlock();
    }
    try {
      long left = Math.max(0, Duration.between(now(), deadline).toNanos());
      return Optional.of(future.get(left, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reply futures never fail", e);
    }
  }

  @Override
  public void handled(boolean answered) {
    lock.lock();
    try {
      answers.add(answered);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The waits so far: one per request sent. */
  int waits() {
    lock.lock();
    try {
      return waits;
    } finally {
      lock.unlock();
    }
  }
}
