package fr.marstek.automation.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The waits between two answers of the same battery inside a time window: a control cycle that
 * overran its period shows as a wait of about two periods, since a battery still being polled is
 * skipped by the next cycle.
 */
record PollGaps(
    int batteries, int answers, List<Duration> sorted, long late, Duration longestFleetRead) {

  // a skipped cycle shows as about two intervals (60 s); pacing alone moves an answer a few seconds
  static final Duration LATE_AFTER = Duration.ofSeconds(45);

  // no answer for this long: the burst of one cycle's answers is over
  private static final Duration QUIET = Duration.ofSeconds(5);

  static PollGaps of(Map<String, List<Instant>> answersByBattery, Instant from, Instant to) {
    List<Duration> gaps = new ArrayList<>();
    List<Instant> all = new ArrayList<>();
    int answers = 0;
    for (List<Instant> times : answersByBattery.values()) {
      List<Instant> inside =
          times.stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).sorted().toList();
      answers += inside.size();
      all.addAll(inside);
      for (int i = 1; i < inside.size(); i++) {
        gaps.add(Duration.between(inside.get(i - 1), inside.get(i)));
      }
    }
    gaps.sort(null);
    long late = gaps.stream().filter(g -> g.compareTo(LATE_AFTER) > 0).count();
    return new PollGaps(
        answersByBattery.size(), answers, List.copyOf(gaps), late, longestFleetRead(all));
  }

  /**
   * The answers of one cycle come in a burst (the client paces its sends across the fleet), and
   * bursts are separated by a quiet stretch: the longest burst is the longest a whole fleet read
   * took, from its first answer to its last. A burst cut by the window's edges counts as shorter.
   */
  private static Duration longestFleetRead(List<Instant> answers) {
    List<Instant> sorted = answers.stream().sorted().toList();
    Duration longest = Duration.ZERO;
    int burstStart = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i == sorted.size()
          || Duration.between(sorted.get(i - 1), sorted.get(i)).compareTo(QUIET) > 0) {
        Duration burst = Duration.between(sorted.get(burstStart), sorted.get(i - 1));
        longest = burst.compareTo(longest) > 0 ? burst : longest;
        burstStart = i;
      }
    }
    return longest;
  }

  Duration worst() {
    return sorted.isEmpty() ? Duration.ZERO : sorted.getLast();
  }

  Duration median() {
    return at(0.5);
  }

  Duration p99() {
    return at(0.99);
  }

  private Duration at(double share) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(share * sorted.size())));
  }
}
