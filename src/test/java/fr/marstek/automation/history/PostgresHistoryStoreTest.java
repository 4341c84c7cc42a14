package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On {@code TEST_DATABASE_URL} when set, else on an embedded PostgreSQL; never skipped. */
class PostgresHistoryStoreTest extends HistoryStoreContract {

  static TestDatabases.PostgresSchema postgres;

  @BeforeAll
  static void createSchema() throws IOException {
    postgres = new TestDatabases.PostgresSchema();
  }

  @AfterAll
  static void dropSchema() throws IOException {
    postgres.close();
  }

  @Override
  HikariDataSource openDataSource() {
    return postgres.open();
  }

  @Test
  void takesThePlainPathWhenTheServerLacksTimescale() {
    Integer available =
        database
            .jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'timescaledb'",
                Integer.class);

    assertThat(available)
        .as("this server offers TimescaleDB; the plain path is not tested")
        .isZero();
    assertThat(database.timescale()).isFalse();
    assertThat(database.hourlySource()).isEqualTo("telemetry_hourly");
    assertThat(
            database
                .jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM pg_class WHERE relname = ?",
                    Integer.class,
                    TimescaleFeatures.HOURLY_VIEW))
        .isZero();
  }

  @Test
  void timescaleStatementsUseTheRetentionAndTheSameRollupColumns() {
    var statements = TimescaleFeatures.statements(Duration.ofDays(90));

    assertThat(statements)
        .anySatisfy(s -> assertThat(s).contains("create_hypertable('telemetry', 'ts'"));
    assertThat(statements)
        .anySatisfy(
            s -> assertThat(s).contains("add_retention_policy('telemetry', BIGINT '7776000000'"));
    assertThat(statements)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("timescaledb.continuous")
                    .contains(Rollups.HOURLY_AGGREGATES));
  }
}
