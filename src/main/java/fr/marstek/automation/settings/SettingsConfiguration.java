package fr.marstek.automation.settings;

import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.SettingsRule;
import fr.marstek.automation.history.HistoryDatabaseReady;
import fr.marstek.automation.notify.Notifications;
import fr.marstek.automation.notify.channel.MaskedUrl;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the settings feature on the history database. */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  Settings settings(
      ConfigurableEnvironment environment,
      DataSource dataSource,
      TransactionTemplate transactions,
      List<SettingsRule> rules,
      ApplicationEventPublisher events,
      InstantSource clock,
      ObjectProvider<Notifications> notifications) {
    var table = new SettingsTable(JdbcClient.create(dataSource), transactions);
    return new Settings(
        environment,
        table,
        rules,
        events,
        clock,
        () ->
            notifications.stream()
                .findFirst()
                .map(n -> n.urls().stream().map(MaskedUrl::text).collect(Collectors.joining(", ")))
                .orElse("****"));
  }

  @Bean
  @DependsOnDatabaseInitialization
  StartUpSync settingsStartUpSync(
      ConfigurableEnvironment environment,
      DataSource dataSource,
      ApplicationEventPublisher events,
      Settings settings) {
    return new StartUpSync(environment, JdbcClient.create(dataSource), events, settings);
  }

  /**
   * The table read again once Flyway has run: normally what the environment already holds; when it
   * differs (the database was not reachable while the environment was prepared), the features are
   * told once the application is ready. A database away at start-up is read once it answers.
   */
  static final class StartUpSync {
    private static final Logger log = LoggerFactory.getLogger(StartUpSync.class);

    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final ConfigurableEnvironment environment;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Settings settings;

    StartUpSync(
        ConfigurableEnvironment environment,
        JdbcClient jdbc,
        ApplicationEventPublisher events,
        Settings settings) {
      this.environment = environment;
      this.jdbc = jdbc;
      this.events = events;
      this.settings = settings;
      if (!read()) {
        log.warn(
            "Stored settings could not be read: the environment's values apply until the database"
                + " answers (GET /health shows stored_settings_read)");
      }
    }

    private boolean read() {
      Map<String, String> now;
      try {
        now = new SettingsTable(jdbc, null).load();
      } catch (DataAccessException e) {
        settings.storedRead(false);
        return false;
      }
      StoredSettings stored = StoredSettings.in(environment);
      Map<String, String> before = stored.values();
      stored.replaceAll(now);
      Map<String, String> after = stored.values();
      for (String name : SettingField.names()) {
        if (!Objects.equals(before.get(name), after.get(name))) {
          changed.add(name);
        }
      }
      settings.storedRead(true);
      return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
      if (!changed.isEmpty()) {
        events.publishEvent(new SettingsChanged(Set.copyOf(changed)));
        changed.clear();
      }
    }

    @EventListener
    void on(HistoryDatabaseReady ready) {
      if (!settings.storedRead() && read()) {
        log.info("Stored settings read now that the database answers: {} changed", changed);
        announce();
      }
    }
  }
}
