package fr.marstek.automation.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.BiFunction;
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
    // While the database is away, callers wait this long for a connection, not 30 s.
    config.setConnectionTimeout(Math.min(5_000, Math.max(250, settings.timeout().toMillis())));
    // Start without a database: history buffers and control goes on (docs/FAILSAFE.md).
    config.setInitializationFailTimeout(-1);
    if (settings.isPostgres()) {
      boundedPostgresCalls(config, settings.timeout());
    }
    return new HikariDataSource(config);
  }

  /**
   * No database call waits forever: a statement or a lock wait ends after the timeout (the server
   * cancels it), and a network that goes silent mid-call is given up a little later, instead of
   * after TCP's own 15 minutes. Parameters in DATABASE_URL win over these.
   */
  private static void boundedPostgresCalls(HikariConfig config, java.time.Duration timeout) {
    long ms = timeout.toMillis();
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty(
        "options", "-c statement_timeout=" + ms + " -c lock_timeout=" + ms);
    config.addDataSourceProperty("socketTimeout", String.valueOf(timeout.toSeconds() + 5));
    config.addDataSourceProperty(
        "connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
    config.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
    config.addDataSourceProperty("tcpKeepAlive", "true");
  }

  /** Boot's Flyway runs through this: a database away at start-up is migrated later. */
  @Bean
  DatabaseMigration databaseMigration(
      javax.sql.DataSource dataSource,
      org.springframework.scheduling.TaskScheduler scheduler,
      org.springframework.context.ApplicationEventPublisher events,
      ObjectProvider<InstantSource> clock,
      HistorySettings settings) {
    return new DatabaseMigration(
        dataSource,
        scheduler,
        events,
        clock.getIfAvailable(InstantSource::system),
        settings.whereToLook());
  }

  @Bean
  HistoryDatabase historyDatabase(
      JdbcTemplate jdbc, TransactionTemplate transactions, HistorySettings settings) {
    boolean timescale;
    try {
      timescale = TimescaleFeatures.detect(jdbc);
      if (timescale) {
        TimescaleFeatures.apply(jdbc, settings.rawRetention());
      }
    } catch (org.springframework.dao.DataAccessException e) {
      timescale = false; // away at start-up: plain tables until the next start
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
    return new HouseLoadHistory(queries, new BoundedReads(BoundedReads.LIMIT));
  }

  @Bean
  fr.marstek.automation.tariff.tempo.ColourCache historyColourCache(
      HistoryRecorder recorder, HistoryQueries queries) {
    return new HistoryColourCache(recorder, queries, new BoundedReads(BoundedReads.LIMIT));
  }

  @Bean
  SavingsTotals savingsTotals(HistoryQueries queries, ObjectProvider<TempoPrices> prices) {
    return new SavingsTotals(
        queries, tempoAsRecorded(prices.getIfAvailable(TempoPrices::defaults)));
  }

  /**
   * A recorded day's tariff: Tempo over the colour stored for that day (any other day, and a colour
   * that is not one, unknown), with the dated grids.
   */
  static BiFunction<LocalDate, String, Tariff> tempoAsRecorded(TempoPrices prices) {
    return (day, colour) -> {
      TempoColour recorded =
          Arrays.stream(TempoColour.values())
              .filter(c -> c.name().equals(colour))
              .findFirst()
              .orElse(TempoColour.UNKNOWN);
      return new TempoTariff(d -> d.equals(day) ? recorded : TempoColour.UNKNOWN, prices);
    };
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
