package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Accepts records without blocking (a full buffer drops the record and counts it) and commits them
 * from one virtual thread in batches of up to {@value #BATCH} records, one transaction each. A
 * failed batch is retried until it commits, so a database outage delays writes instead of losing
 * them, as long as the {@value #CAPACITY}-record buffer lasts (over 9 hours of 3 batteries polled
 * every 10 s).
 */
final class BufferedHistoryWriter implements HistoryRecorder, HistoryHealth, SmartLifecycle {

  static final int CAPACITY = 10_000;
  static final int BATCH = 1_000;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Logger log = LoggerFactory.getLogger(BufferedHistoryWriter.class);

  private final BlockingQueue<Object> buffer = new ArrayBlockingQueue<>(CAPACITY);
  private final HistoryWrites writes;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committedChanged = lock.newCondition();
  private long accepted;
  private long committed;
  private long dropped;
  private volatile boolean running;
  private volatile Optional<WriteFailure> failure = Optional.empty();
  private Thread writer;

  BufferedHistoryWriter(HistoryWrites writes, InstantSource clock) {
    this.writes = writes;
    this.clock = clock;
  }

  @Override
  public void recordTelemetry(TelemetrySample sample) {
    enqueue(sample);
  }

  @Override
  public void recordModeChange(ModeChange change) {
    enqueue(change);
  }

  @Override
  public void recordCommand(CommandRecord command) {
    enqueue(command);
  }

  @Override
  public void recordConnectivity(ConnectivityChange change) {
    enqueue(change);
  }

  @Override
  public void recordTempoDay(TempoDayRecord day) {
    enqueue(day);
  }

  @Override
  public void recordPlan(Optional<BatteryId> battery, String body) {
    enqueue(new HistoryWrites.PlanWrite(clock.instant(), battery, body));
  }

  @Override
  public void recordNotification(String channel, String kind, String message, boolean delivered) {
    enqueue(
        new HistoryWrites.NotificationWrite(clock.instant(), channel, kind, message, delivered));
  }

  private void enqueue(Object item) {
    lock.lock();
    try {
      if (buffer.offer(item)) {
        accepted++;
      } else if (dropped++ % 1000 == 0) {
        log.warn("History buffer full ({} records): {} records dropped so far", CAPACITY, dropped);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      long target = accepted;
      while (committed < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        committedChanged.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<WriteFailure> writeFailure() {
    return failure;
  }

  @Override
  public int pending() {
    lock.lock();
    try {
      return (int) (accepted - committed);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int capacity() {
    return CAPACITY;
  }

  @Override
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void start() {
    running = true;
    writer = Thread.ofVirtual().name("history-writer").start(this::writeUntilStopped);
  }

  @Override
  public void stop() {
    running = false;
    try {
      if (writer != null && !writer.join(STOP_TIMEOUT)) {
        log.error(
            "History writer did not finish within {}; {} records not stored",
            STOP_TIMEOUT,
            buffer.size());
        writer.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  // Stops after the buffer is empty, so a clean shutdown stores everything accepted.
  private void writeUntilStopped() {
    List<Object> batch = new ArrayList<>(BATCH);
    while (running || !buffer.isEmpty()) {
      try {
        Object first = buffer.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        buffer.drainTo(batch, BATCH - 1);
        commitWithRetry(batch);
        markCommitted(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void commitWithRetry(List<Object> batch) throws InterruptedException {
    long pause = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        writes.write(batch);
        if (attempt > 1) {
          log.info("History database writable again after {} attempts", attempt);
        }
        failure = Optional.empty();
        return;
      } catch (DataIntegrityViolationException e) {
        failure = Optional.empty(); // the database answers: it refused a record, it is not down
        writeOneByOne(batch);
        return;
      } catch (RuntimeException e) {
        Optional<WriteFailure> before = failure;
        failure =
            Optional.of(
                new WriteFailure(
                    before.map(WriteFailure::since).orElseGet(clock::instant),
                    // The driver's own words; Spring's wrapper repeats the whole statement.
                    String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage())));
        if (attempt == 1) {
          log.warn("History database write failed, retrying: {}", e.getMessage());
        }
        if (!running && attempt >= 5) {
          log.error("History write abandoned at shutdown, {} records lost", batch.size(), e);
          return;
        }
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 30_000);
      }
    }
  }

  // A record the database refuses must not block the ones behind it.
  private void writeOneByOne(List<Object> batch) {
    for (Object item : batch) {
      try {
        writes.write(List.of(item));
      } catch (DataIntegrityViolationException e) {
        log.error("History record refused by the database, dropped: {}", item, e);
      }
    }
  }

  private void markCommitted(int count) {
    lock.lock();
    try {
      committed += count;
      committedChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
