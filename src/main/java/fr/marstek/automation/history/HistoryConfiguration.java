package fr.marstek.automation.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the history DataSource from the household's variables, so users never set {@code
 * spring.datasource.*}; Boot's Flyway then migrates it before the JdbcTemplate is handed out.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

  @Bean
  HistorySettings historySettings(VariableSource variableSource) {
    return variableSource.read(HistorySettings::from);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(HistorySettings settings) {
    return dataSource(settings, "history");
  }

  static HikariDataSource dataSource(HistorySettings settings, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    // SQLite takes one writer at a time; a small pool avoids busy waits.
    config.setMaximumPoolSize(settings.isPostgres() ? 8 : 4);
    // While the database is away, callers (control's leases among them) wait this long, not 30 s.
    config.setConnectionTimeout(5_000);
    if (settings.isPostgres()) {
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return new HikariDataSource(config);
  }

  @Bean
  HistoryDatabase historyDatabase(
      JdbcTemplate jdbc, TransactionTemplate transactions, HistorySettings settings) {
    boolean timescale = TimescaleFeatures.detect(jdbc);
    if (timescale) {
      TimescaleFeatures.apply(jdbc, settings.rawRetention());
    }
    return new HistoryDatabase(jdbc, transactions, timescale);
  }

  @Bean
  BufferedHistoryWriter historyRecorder(
      HistoryDatabase database, ObjectProvider<InstantSource> clock) {
    InstantSource time = clock.getIfAvailable(InstantSource::system);
    return new BufferedHistoryWriter(new HistoryWrites(database, time), time);
  }

  @Bean
  JdbcHistoryQueries historyQueries(HistoryDatabase database) {
    return new JdbcHistoryQueries(database);
  }

  @Bean
  fr.marstek.automation.planning.LoadHistory houseLoadHistory(HistoryQueries queries) {
    return new HouseLoadHistory(queries);
  }

  @Bean
  fr.marstek.automation.tariff.tempo.ColourCache historyColourCache(
      HistoryRecorder recorder, HistoryQueries queries) {
    return new HistoryColourCache(recorder, queries);
  }

  @Bean
  SavingsTotals savingsTotals(HistoryQueries queries, ObjectProvider<TempoPrices> prices) {
    return new SavingsTotals(queries, prices.getIfAvailable(TempoPrices::defaults));
  }

  @Bean
  HistoryMaintenance historyMaintenance(
      HistoryDatabase database, HistorySettings settings, ObjectProvider<InstantSource> clock) {
    return new HistoryMaintenance(
        new Rollups(database),
        new Retention(database, settings.rawRetention(), settings.hourlyRetention()),
        clock.getIfAvailable(InstantSource::system));
  }

  @Bean
  ControlEventsListener historyControlEventsListener(HistoryRecorder recorder) {
    return new ControlEventsListener(recorder);
  }
}
