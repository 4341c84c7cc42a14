package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A database away at start-up is one warning that says why (the driver's words, not the pool's
 * "request timed out") and which variable to check, without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseMessageTest {

  private static final Duration DAYS = Duration.ofDays(90);

  private static void startWith(HistorySettings settings) {
    var scheduler = new ThreadPoolTaskScheduler();
    scheduler.initialize();
    try (var dataSource = HistoryConfiguration.dataSource(settings, "unreachable")) {
      new DatabaseMigration(
              dataSource, scheduler, event -> {}, InstantSource.system(), settings.whereToLook())
          .migrate(Flyway.configure().dataSource(dataSource).load());
    } finally {
      scheduler.destroy();
    }
  }

  @Test
  void aRefusedPostgresNamesTheAddressAndTheVariables(CapturedOutput output) throws Exception {
    int closed;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort(); // nothing listens there once the socket is closed
    }
    startWith(
        new HistorySettings(
            "jdbc:postgresql://127.0.0.1:" + closed + "/marstek?password=hunter2",
            Optional.of("marstek"),
            Optional.of("pg-secret"),
            DAYS,
            DAYS,
            Duration.ofSeconds(1)));

    assertThat(output.getAll())
        .contains(
            "History database unreachable at start-up: Connection to 127.0.0.1:" + closed,
            "check that PostgreSQL runs at 127.0.0.1:" + closed + "/marstek and accepts",
            "DATABASE_URL",
            "Starting without it")
        .doesNotContain("request timed out", "hunter2", "pg-secret", "\tat ");
  }

  @Test
  void anUnwritableFileNamesDatabaseFile(CapturedOutput output) {
    startWith(
        new HistorySettings(
            HistorySettings.sqliteUrl("/etc/passwd/history.db"),
            Optional.empty(),
            Optional.empty(),
            DAYS,
            DAYS,
            Duration.ofSeconds(1)));

    assertThat(output.getAll())
        .contains(
            "History database unreachable at start-up: [SQLITE_CANTOPEN]",
            "check DATABASE_FILE: the folder of /etc/passwd/history.db must exist and be writable")
        .doesNotContain("request timed out", "\tat ");
  }
}
