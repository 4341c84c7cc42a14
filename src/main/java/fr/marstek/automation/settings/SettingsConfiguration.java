package fr.marstek.automation.settings;

import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.SettingsRule;
import fr.marstek.automation.notify.MaskedUrl;
import fr.marstek.automation.notify.Notifications;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
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
      ApplicationEventPublisher events) {
    return new StartUpSync(environment, JdbcClient.create(dataSource), events);
  }

  /**
   * The table read again once Flyway has run: normally what the environment already holds; when it
   * differs (the database was not reachable while the environment was prepared), the features are
   * told once the application is ready.
   */
  static final class StartUpSync {
    private final Set<String> changed = new HashSet<>();
    private final ApplicationEventPublisher events;

    StartUpSync(
        ConfigurableEnvironment environment, JdbcClient jdbc, ApplicationEventPublisher events) {
      this.events = events;
      StoredSettings stored = StoredSettings.in(environment);
      Map<String, String> before = stored.values();
      Map<String, String> now = new SettingsTable(jdbc, null).load();
      stored.replaceAll(now);
      Map<String, String> after = stored.values();
      for (String name : SettingField.names()) {
        if (!Objects.equals(before.get(name), after.get(name))) {
          changed.add(name);
        }
      }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
      if (!changed.isEmpty()) {
        events.publishEvent(new SettingsChanged(changed));
      }
    }
  }
}
