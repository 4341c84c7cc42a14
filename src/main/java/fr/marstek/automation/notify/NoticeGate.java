package fr.marstek.automation.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets a notice through unless it repeats the last one sent on its subject, or the hour's budget is
 * spent. Hand-written: a sliding window of send times is a few lines, a rate-limit library would be
 * more to learn than to read.
 */
final class NoticeGate {

  enum Verdict {
    SEND,
    REPEATED,
    RATE_LIMITED
  }

  private static final Duration WINDOW = Duration.ofHours(1);

  private final InstantSource clock;
  private final int maxPerHour;
  private final Map<String, NoticeKind> lastBySubject = new HashMap<>();
  private final Deque<Instant> recent = new ArrayDeque<>();

  NoticeGate(InstantSource clock, int maxPerHour) {
    this.clock = clock;
    this.maxPerHour = maxPerHour;
  }

  synchronized Verdict admit(Notice notice) {
    if (lastBySubject.get(notice.subject()) == notice.kind()) {
      return Verdict.REPEATED;
    }
    Instant now = clock.instant();
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
      recent.removeFirst();
    }
    if (recent.size() >= maxPerHour) {
      return Verdict.RATE_LIMITED;
    }
    recent.addLast(now);
    lastBySubject.put(notice.subject(), notice.kind());
    return Verdict.SEND;
  }

  synchronized void clear(String subject) {
    lastBySubject.remove(subject);
  }
}
