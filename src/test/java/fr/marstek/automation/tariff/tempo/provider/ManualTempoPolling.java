package fr.marstek.automation.tariff.tempo.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationContext;

/**
 * The service's Tempo poller with the test as its scheduler: a whole-service test in another
 * package stops the poller's own schedule (real time) and polls when the test clock reaches the
 * time the poller asked for.
 */
public final class ManualTempoPolling {

  private final TempoPolling polling;

  private ManualTempoPolling(TempoPolling polling) {
    this.polling = polling;
  }

  /** Waits for the poll made at start-up, then cancels the next one on the real scheduler. */
  public static ManualTempoPolling takeOver(ApplicationContext context) {
    TempoPolling polling = context.getBean(TempoPolling.class);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> polling.nextPollAt().isPresent());
    polling.stop();
    return new ManualTempoPolling(polling);
  }

  /** Polls now (on the service's clock) and returns when the poller wants the next poll. */
  public Instant pollOnce() {
    return polling.pollOnce();
  }

  public Optional<Instant> nextPollAt() {
    return polling.nextPollAt();
  }

  /** The longest wait between two polls while sources fail (tempo.md §1.3). */
  public static Duration longestRetry() {
    return PollPlan.standard().longestRetry();
  }

  /** The wait between two polls while tomorrow is unknown and the sources answer. */
  public static Duration waiting() {
    return PollPlan.standard().waiting();
  }

  /** The random spread added to a poll while the sources answer. */
  public static Duration jitter() {
    return PollPlan.standard().jitter();
  }
}
