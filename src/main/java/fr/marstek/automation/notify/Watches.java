package fr.marstek.automation.notify;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs every watch once a minute on Spring's scheduler, reading the time from the service's clock,
 * so that what is due (a summary, an evening check) is decided by that clock alone and a test can
 * move it and call {@link #tick()}.
 */
final class Watches implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Watches.class);
  static final Duration EVERY = Duration.ofMinutes(1);

  private final List<Watch> watches;
  private final InstantSource clock;
  private final TaskScheduler scheduler;
  private volatile ScheduledFuture<?> schedule;

  Watches(List<Watch> watches, InstantSource clock, TaskScheduler scheduler) {
    this.watches = List.copyOf(watches);
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /** Looks once with every watch; one watch's bug does not stop the others. */
  synchronized void tick() {
    var now = clock.instant();
    for (Watch watch : watches) {
      try {
        watch.check(now);
      } catch (RuntimeException e) {
        log.error("Bug in {}: {}", watch.getClass().getSimpleName(), e.toString(), e);
      }
    }
  }

  @Override
  public void start() {
    schedule = scheduler.scheduleAtFixedRate(this::tick, EVERY);
  }

  @Override
  public void stop() {
    ScheduledFuture<?> s = schedule;
    schedule = null;
    if (s != null) {
      s.cancel(false);
    }
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }
}
