package fr.marstek.automation.history;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Databases for history tests: SQLite files, and PostgreSQL schemas on a shared or embedded server.
 */
final class TestDatabases {

  private TestDatabases() {}

  static HikariDataSource sqlite(Path file) {
    return HistoryConfiguration.dataSource(
        settings(HistorySettings.sqliteUrl(file.toString())), "test");
  }

  static HistorySettings settings(String jdbcUrl) {
    return new HistorySettings(
        jdbcUrl, Optional.empty(), Optional.empty(), Duration.ofDays(90), Duration.ofDays(1830));
  }

  static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  static HistoryDatabase database(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    return new HistoryDatabase(jdbc, transactions, TimescaleFeatures.detect(jdbc));
  }

  /**
   * A fresh schema on the server named by {@code TEST_DATABASE_URL}, else on an embedded PostgreSQL
   * started for it; closing drops the schema (and stops the embedded server).
   */
  static final class PostgresSchema implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String schema = "history_" + UUID.randomUUID().toString().replace("-", "");

    PostgresSchema() throws IOException {
      String configured = System.getenv("TEST_DATABASE_URL");
      if (configured != null && !configured.isBlank()) {
        embedded = null;
        serverUrl = configured;
      } else {
        embedded = EmbeddedPostgres.builder().start();
        serverUrl = embedded.getJdbcUrl("postgres", "postgres");
      }
      try (HikariDataSource admin = pool(serverUrl)) {
        new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
      }
    }

    String jdbcUrl() {
      return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String description() {
      return embedded == null ? "TEST_DATABASE_URL server" : "embedded PostgreSQL";
    }

    HikariDataSource open() {
      return pool(jdbcUrl());
    }

    private static HikariDataSource pool(String url) {
      return HistoryConfiguration.dataSource(settings(url), "test");
    }

    @Override
    public void close() throws IOException {
      try (HikariDataSource admin = pool(serverUrl)) {
        new JdbcTemplate(admin).execute("DROP SCHEMA " + schema + " CASCADE");
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }
}
