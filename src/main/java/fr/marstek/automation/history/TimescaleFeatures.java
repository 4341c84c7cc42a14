package fr.marstek.automation.history;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The only TimescaleDB-specific SQL: run after the portable migrations when the extension is
 * installed (or available and creatable). Raw telemetry becomes a compressed hypertable with a
 * retention policy, and hourly rollups a continuous aggregate with the same columns as {@code
 * telemetry_hourly}. Daily rollups stay a table filled by {@link Rollups} from hourly, because
 * Europe/Paris days (23 or 25 hours) are not fixed-width integer buckets.
 */
final class TimescaleFeatures {

  static final String HOURLY_VIEW = "telemetry_hourly_cagg";
  private static final Logger log = LoggerFactory.getLogger(TimescaleFeatures.class);

  private TimescaleFeatures() {}

  /**
   * True when the extension is usable; plain PostgreSQL and SQLite give false and change nothing.
   */
  static boolean detect(JdbcTemplate jdbc) {
    if (!isPostgres(jdbc)) {
      return false;
    }
    Integer installed =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pg_extension WHERE extname = 'timescaledb'", Integer.class);
    if (installed != null && installed > 0) {
      return true;
    }
    Integer available =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'timescaledb'",
            Integer.class);
    if (available == null || available == 0) {
      return false;
    }
    try {
      jdbc.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      return true;
    } catch (RuntimeException e) {
      log.info(
          "TimescaleDB is available but could not be enabled, using plain tables: {}",
          e.getMessage());
      return false;
    }
  }

  static void apply(JdbcTemplate jdbc, Duration rawRetention) {
    for (String sql : statements(rawRetention)) {
      if (sql.startsWith("ALTER TABLE telemetry SET") && isCompressionEnabled(jdbc)) {
        continue; // changing compression settings fails once chunks are compressed
      }
      jdbc.execute(sql);
    }
    log.info("TimescaleDB in use: hypertable, compression, retention and hourly aggregate set up");
  }

  private static boolean isCompressionEnabled(JdbcTemplate jdbc) {
    Boolean enabled =
        jdbc.query(
            "SELECT compression_enabled FROM timescaledb_information.hypertables"
                + " WHERE hypertable_name = 'telemetry' AND hypertable_schema = current_schema()",
            rs -> rs.next() && rs.getBoolean(1));
    return Boolean.TRUE.equals(enabled);
  }

  /** Idempotent statements; integer time needs an "integer now" function for the policies. */
  static List<String> statements(Duration rawRetention) {
    long day = Duration.ofDays(1).toMillis();
    long retention = rawRetention.toMillis();
    return List.of(
        """
        CREATE OR REPLACE FUNCTION history_now_ms() RETURNS BIGINT LANGUAGE SQL STABLE AS
        $$ SELECT (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT $$""",
        "SELECT create_hypertable('telemetry', 'ts', chunk_time_interval => "
            + 7 * day
            + ", if_not_exists => TRUE, migrate_data => TRUE)",
        "SELECT set_integer_now_func('telemetry', 'history_now_ms', replace_if_exists => TRUE)",
        "ALTER TABLE telemetry SET (timescaledb.compress, timescaledb.compress_segmentby = 'battery',"
            + " timescaledb.compress_orderby = 'ts')",
        "SELECT add_compression_policy('telemetry', BIGINT '"
            + 7 * day
            + "', if_not_exists => TRUE)",
        "SELECT remove_retention_policy('telemetry', if_exists => TRUE)",
        "SELECT add_retention_policy('telemetry', BIGINT '"
            + retention
            + "', if_not_exists => TRUE)",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS "
            + HOURLY_VIEW
            + " WITH (timescaledb.continuous) AS SELECT battery,"
            + " time_bucket(BIGINT '3600000', ts) AS bucket,"
            + Rollups.HOURLY_AGGREGATES
            + " FROM telemetry GROUP BY battery, time_bucket(BIGINT '3600000', ts) WITH NO DATA",
        "SELECT add_continuous_aggregate_policy('"
            + HOURLY_VIEW
            + "', start_offset => BIGINT '"
            + 3 * day
            + "', end_offset => BIGINT '0', schedule_interval => INTERVAL '5 minutes',"
            + " if_not_exists => TRUE)");
  }

  private static boolean isPostgres(JdbcTemplate jdbc) {
    String product =
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equals(product);
  }
}
