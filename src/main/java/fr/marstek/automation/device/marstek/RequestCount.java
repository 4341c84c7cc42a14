package fr.marstek.automation.device.marstek;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Requests sent to one battery over the last hour, retries included: the budget the field asks to
 * keep low (owners saw resets at about 400 an hour and stable batteries at 60-120 s polls).
 */
final class RequestCount {

  static final Duration WINDOW = Duration.ofHours(1);

  private final InstantSource clock;
  private final Deque<Instant> sent = new ArrayDeque<>();

  RequestCount(InstantSource clock) {
    this.clock = clock;
  }

  synchronized void sent() {
    sent.addLast(clock.instant());
    prune();
  }

  /** Requests sent in the hour before now. */
  synchronized int lastHour() {
    prune();
    return sent.size();
  }

  private void prune() {
    Instant now = clock.instant();
    Instant from = now.minus(WINDOW);
    while (!sent.isEmpty() && (sent.peekFirst().isBefore(from) || sent.peekFirst().isAfter(now))) {
      sent.removeFirst(); // older than an hour, or "sent" before the clock was set back
    }
  }
}
