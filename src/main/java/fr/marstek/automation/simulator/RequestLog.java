package fr.marstek.automation.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every request a simulated device handled, by method and device-clock time: what tests hold the
 * client's request budget against.
 */
public final class RequestLog {

  /** One handled request. */
  public record Entry(Instant at, String method) {}

  /** A demo device runs as long as the service: keep about a month of requests at most. */
  static final int KEPT = 100_000;

  private final InstantSource clock;
  private final Deque<Entry> entries = new ArrayDeque<>();

  RequestLog(InstantSource clock) {
    this.clock = clock;
  }

  synchronized void record(String method) {
    entries.addLast(new Entry(clock.instant(), method));
    if (entries.size() > KEPT) {
      entries.removeFirst();
    }
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Requests handled in [from, to). */
  public synchronized List<Entry> between(Instant from, Instant to) {
    return entries.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
  }
}
