package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.Variables;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistorySettingsTest {

  static HistorySettings settings(Map<String, String> values) {
    Variables variables = new Variables(values);
    HistorySettings settings = HistorySettings.from(variables);
    variables.check();
    return settings;
  }

  @Test
  void usesAnSqliteFileInTheWorkingDirectoryByDefault() {
    HistorySettings settings = settings(Map.of());

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:sqlite:./marstek-automation.db?journal_mode=WAL&busy_timeout=30000");
    assertThat(settings.isPostgres()).isFalse();
    assertThat(settings.rawRetention()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void takesTheSqliteFileAndRetentionFromVariables() {
    HistorySettings settings =
        settings(
            Map.of(
                "DATABASE_FILE", "/data/h.db",
                "HISTORY_RETENTION_DAYS", "30",
                "HISTORY_ROLLUP_RETENTION_DAYS", "3650"));

    assertThat(settings.jdbcUrl()).startsWith("jdbc:sqlite:/data/h.db?journal_mode=WAL");
    assertThat(settings.rawRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.hourlyRetention()).isEqualTo(Duration.ofDays(3650));
  }

  @Test
  void turnsAPostgresUrlWithCredentialsIntoJdbc() {
    HistorySettings settings =
        settings(
            Map.of(
                "DATABASE_URL", "postgres://marstek:p%40ss@db.local:5433/history?sslmode=require"));

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.local:5433/history?sslmode=require");
    assertThat(settings.user()).contains("marstek");
    assertThat(settings.password()).contains("p@ss");
    assertThat(settings.isPostgres()).isTrue();
  }

  @Test
  void usesPostgresPasswordWhenTheUrlHasNone() {
    HistorySettings plain =
        settings(
            Map.of(
                "DATABASE_URL", "postgresql://marstek@db/history", "POSTGRES_PASSWORD", "s3cret"));
    HistorySettings jdbc =
        settings(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://db/history?user=marstek",
                "POSTGRES_PASSWORD", "s3cret"));
    HistorySettings jdbcWithPassword =
        settings(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://db/history?user=m&password=inurl",
                "POSTGRES_PASSWORD", "s3cret"));

    assertThat(plain.password()).contains("s3cret");
    assertThat(jdbc.password()).contains("s3cret");
    assertThat(jdbc.user()).isEmpty();
    assertThat(jdbcWithPassword.password()).isEmpty();
    assertThat(jdbcWithPassword.toString()).doesNotContain("inurl");
  }

  @Test
  void reportsEveryBadValueAtOnceWithoutShowingThePassword() {
    assertThatThrownBy(
            () ->
                settings(
                    Map.of(
                        "DATABASE_URL", "mysql://root:hunter2@db/x",
                        "HISTORY_RETENTION_DAYS", "0")))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("HISTORY_RETENTION_DAYS=0")
        .hasMessageContaining("DATABASE_URL=")
        .hasMessageContaining("postgres://user:password@host:5432/db");
  }
}
