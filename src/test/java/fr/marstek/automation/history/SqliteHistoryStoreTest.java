package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest extends HistoryStoreContract {

  @TempDir static Path directory;

  @Override
  HikariDataSource openDataSource() {
    return TestDatabases.sqlite(directory.resolve("history.db"));
  }

  @Test
  void neverTakesTheTimescalePath() {
    assertThat(database.timescale()).isFalse();
    assertThat(database.hourlySource()).isEqualTo("telemetry_hourly");
  }
}
