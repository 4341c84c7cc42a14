package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/** Refreshes the colours at the times {@link PollPlan} picks, on Spring's scheduler. */
final class TempoPolling implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TempoPolling.class);

  private final TempoColours colours;
  private final PollPlan plan;
  private final InstantSource clock;
  private final TaskScheduler scheduler;
  private final RandomGenerator random;
  private final boolean autoStartup;
  private volatile ScheduledFuture<?> next;
  private volatile Instant nextPollAt;
  private volatile int failuresInARow;

  TempoPolling(
      TempoColours colours,
      PollPlan plan,
      InstantSource clock,
      TaskScheduler scheduler,
      RandomGenerator random) {
    this.colours = colours;
    this.plan = plan;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
    this.autoStartup = colours.enabled();
  }

  /** Refreshes now and returns when the next poll should be (also scheduled when running). */
  Instant pollOnce() {
    TempoOutlook outlook;
    try {
      outlook = colours.refresh();
    } catch (RuntimeException e) {
      log.error("Bug while refreshing Tempo colours: {}", e.toString(), e);
      outlook = colours.outlook();
    }
    failuresInARow = outlook.sourcesFailing() ? failuresInARow + 1 : 0;
    Instant now = clock.instant();
    Instant at =
        plan.next(
            now,
            outlook,
            colours.fetchedAt(outlook.tomorrow()),
            failuresInARow,
            random.nextDouble());
    nextPollAt = at;
    if (isRunning()) {
      schedule(Duration.between(now, at));
    }
    return at;
  }

  Optional<Instant> nextPollAt() {
    return Optional.ofNullable(nextPollAt);
  }

  int failuresInARow() {
    return failuresInARow;
  }

  private void schedule(Duration delay) {
    Duration wait = delay.isNegative() ? Duration.ZERO : delay;
    // the scheduler runs on its own clock, so the wait chosen on ours is converted to its time
    next = scheduler.schedule(this::pollOnce, scheduler.getClock().instant().plus(wait));
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public void start() {
    schedule(Duration.ZERO);
  }

  @Override
  public void stop() {
    ScheduledFuture<?> n = next;
    next = null;
    if (n != null) {
      n.cancel(false);
    }
  }

  @Override
  public boolean isRunning() {
    return next != null;
  }
}
