package fr.marstek.automation.history;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Rolls up every 5 minutes and applies retention every 6 hours, on the injected clock. */
final class HistoryMaintenance {

  private static final Logger log = LoggerFactory.getLogger(HistoryMaintenance.class);

  private final Rollups rollups;
  private final Retention retention;
  private final InstantSource clock;

  HistoryMaintenance(Rollups rollups, Retention retention, InstantSource clock) {
    this.rollups = rollups;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT5M")
  void rollUp() {
    try {
      rollups.catchUp(clock.instant());
    } catch (RuntimeException e) {
      log.warn("History rollup failed, will retry: {}", e.getMessage());
    }
  }

  @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT6H")
  void applyRetention() {
    try {
      int deleted = retention.apply(clock.instant());
      log.debug("History retention deleted {} raw samples", deleted);
    } catch (RuntimeException e) {
      log.warn("History retention failed, will retry: {}", e.getMessage());
    }
  }
}
