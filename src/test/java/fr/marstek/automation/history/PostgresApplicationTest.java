package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.testing.ServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application configured by {@code DATABASE_URL} alone migrates and uses PostgreSQL. */
@ServiceTest(webEnvironment = WebEnvironment.MOCK)
class PostgresApplicationTest {

  static TestDatabases.PostgresSchema postgres;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    try {
      postgres = new TestDatabases.PostgresSchema();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("DATABASE_URL", postgres::jdbcUrl);
  }

  @AfterAll
  static void dropSchema() throws IOException {
    postgres.close();
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryRecorder recorder;
  @Autowired HistoryQueries queries;

  @Test
  void migratesAndStoresInThePostgresSchemaNamedByDatabaseUrl() throws IOException {
    int migrations =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/V*.sql")
            .length;
    Instant at = Instant.parse("2026-11-20T12:00:00Z");
    recorder.recordTelemetry(TelemetrySample.offline(BatteryId.of(3), at));

    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).startsWith("history_");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
        .isEqualTo(migrations)
        .isGreaterThanOrEqualTo(2);
    assertThat(queries.series(Optional.of(BatteryId.of(3)), at, at.plusSeconds(1)).points())
        .hasSize(1);
  }
}
