package fr.marstek.automation.settings;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.history.HistorySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts the stored settings into the environment before any feature reads it, so that start-up's
 * check and every feature see them, and a restart keeps what the page saved. The database is the
 * one named by {@code DATABASE_URL} / {@code DATABASE_FILE}; a SQLite file that does not exist yet
 * is not created here.
 */
final class StoredSettingsLoader
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(StoredSettingsLoader.class);

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    load(event.getEnvironment());
  }

  static void load(ConfigurableEnvironment environment) {
    Variables variables = VariableSource.of(environment);
    HistorySettings database = HistorySettings.from(variables);
    if (!variables.problems().isEmpty()) {
      return; // start-up's check reports the database variables
    }
    Map<String, String> stored = read(database);
    StoredSettings.in(environment).replaceAll(stored);
    if (!stored.isEmpty()) {
      log.info("Settings saved on the Settings page override the environment: {}", stored.keySet());
    }
  }

  private static Map<String, String> read(HistorySettings database) {
    String url = database.jdbcUrl();
    if (url.startsWith("jdbc:sqlite:") && sqliteFile(url).filter(Files::exists).isEmpty()) {
      return Map.of(); // no database yet: nothing was ever stored
    }
    Properties properties = new Properties();
    database.user().ifPresent(u -> properties.setProperty("user", u));
    database.password().ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("loginTimeout", "10");
    try {
      return SettingsTable.readOnce(url, properties);
    } catch (SQLException e) {
      // The database may be starting; history will say so. Settings fall back to the environment.
      log.warn("Stored settings not read ({}); the environment's values apply", e.getMessage());
      return Map.of();
    }
  }

  /** The file of a SQLite URL; empty for an in-memory database. */
  static Optional<Path> sqliteFile(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    file = query < 0 ? file : file.substring(0, query);
    file = file.startsWith("file:") ? file.substring("file:".length()) : file;
    return file.isEmpty() || file.startsWith(":memory:")
        ? Optional.empty()
        : Optional.of(Path.of(file));
  }

  @Override
  public int getOrder() {
    // After the .env file, before start-up's check of every variable (SettingsCheck).
    return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
  }
}
