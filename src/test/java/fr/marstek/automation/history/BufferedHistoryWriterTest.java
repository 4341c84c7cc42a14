package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.marstek.automation.device.BatteryId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class BufferedHistoryWriterTest {

  static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
  static final InstantSource CLOCK = InstantSource.fixed(NOON);

  @TempDir Path directory;

  /** A database that refuses connections while {@code down} is set. */
  static final class SwitchableDataSource extends DelegatingDataSource {
    final AtomicBoolean down = new AtomicBoolean();

    SwitchableDataSource(HikariDataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down.get()) {
        throw new SQLException("connection refused (test)");
      }
      return super.getConnection();
    }
  }

  @Test
  void dropsAndCountsRecordsWhenTheBufferIsFullInsteadOfBlocking() {
    var writer = new BufferedHistoryWriter(new HistoryWrites(null, CLOCK), CLOCK);

    for (int i = 0; i <= BufferedHistoryWriter.CAPACITY; i++) {
      writer.recordTelemetry(TelemetrySample.offline(BatteryId.of(1), NOON.plusSeconds(i)));
    }

    assertThat(writer.dropped()).isEqualTo(1);
    assertThat(writer.flush(Duration.ofMillis(50))).isFalse();
  }

  @Test
  void keepsABatchUntilTheDatabaseComesBack() {
    try (HikariDataSource pool = TestDatabases.sqlite(directory.resolve("h.db"))) {
      TestDatabases.migrate(pool);
      var switchable = new SwitchableDataSource(pool);
      var database =
          new HistoryDatabase(
              new JdbcTemplate(switchable),
              new TransactionTemplate(new DataSourceTransactionManager(switchable)),
              false);
      var writer = new BufferedHistoryWriter(new HistoryWrites(database, CLOCK), CLOCK);
      writer.start();
      switchable.down.set(true);

      writer.recordTelemetry(TelemetrySample.offline(BatteryId.of(1), NOON));
      boolean flushedWhileDown = writer.flush(Duration.ofMillis(700));
      switchable.down.set(false);
      boolean flushedAfter = writer.flush(Duration.ofSeconds(20));
      writer.stop();

      assertThat(flushedWhileDown).isFalse();
      assertThat(flushedAfter).isTrue();
      assertThat(
              new JdbcTemplate(pool).queryForObject("SELECT COUNT(*) FROM telemetry", Long.class))
          .isEqualTo(1);
    }
  }
}
