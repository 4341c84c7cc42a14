package fr.marstek.automation.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;

/**
 * Migrates the history database at start-up when it answers; when it does not (a server down, an
 * unwritable file), start-up goes on without it (control does not need it, history waits in memory)
 * and the migration is tried again every {@link #RETRY} until it runs, then {@link
 * HistoryDatabaseReady} is published so that stored settings can be read. A database that answers
 * but refuses the migration still stops start-up: that is a mistake to fix, not an outage.
 */
final class DatabaseMigration implements FlywayMigrationStrategy {

  static final Duration RETRY = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(DatabaseMigration.class);

  private final DataSource dataSource;
  private final TaskScheduler scheduler;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final String whereToLook;
  private volatile boolean migrated;
  private volatile ScheduledFuture<?> retries;

  DatabaseMigration(
      DataSource dataSource,
      TaskScheduler scheduler,
      ApplicationEventPublisher events,
      InstantSource clock,
      String whereToLook) {
    this.whereToLook = whereToLook;
    this.dataSource = dataSource;
    this.scheduler = scheduler;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void migrate(Flyway flyway) {
    try {
      reach();
    } catch (SQLException e) {
      log.warn(
          "History database unreachable at start-up: {}; {}. Starting without it: batteries are"
              + " controlled, history waits in memory, stored settings and overrides apply once it"
              + " answers (tried again every {} s)",
          rootCause(e),
          whereToLook,
          RETRY.toSeconds());
      retries = scheduler.scheduleWithFixedDelay(() -> retry(flyway), RETRY);
      return;
    }
    flyway.migrate();
    migrated = true;
  }

  private void retry(Flyway flyway) {
    try {
      reach();
      flyway.migrate();
    } catch (SQLException | RuntimeException e) {
      log.debug("History database still unreachable: {}", e.getMessage());
      return;
    }
    migrated = true;
    ScheduledFuture<?> r = retries;
    if (r != null) {
      r.cancel(false);
    }
    log.info("History database reachable and migrated: stored settings and overrides now apply");
    events.publishEvent(new HistoryDatabaseReady(clock.instant()));
  }

  /**
   * The pool only says it timed out; the driver's own reason is further down the chain (the last
   * SQLException, whose words are the driver's, else the deepest cause).
   */
  static String rootCause(Throwable e) {
    Throwable reason = e;
    Throwable driver = null;
    for (Throwable t = e.getCause(); t != null && t != reason; t = t.getCause()) {
      reason = t;
      if (t instanceof SQLException) {
        driver = t;
      }
    }
    Throwable told = driver != null ? driver : reason;
    String message =
        told.getMessage() == null ? told.getClass().getSimpleName() : told.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }

  private void reach() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    }
  }

  /** False while the database has not answered since start-up. */
  boolean migrated() {
    return migrated;
  }
}
