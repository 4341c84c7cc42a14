package fr.marstek.automation.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Adds the working directory's {@code .env} file (path in {@code DOTENV_FILE}) just below the real
 * environment, so a variable set in the shell wins over the file.
 */
final class DotEnvFile implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "dotenvFile";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String file = environment.getProperty("DOTENV_FILE", ".env");
    java.nio.file.Path path = java.nio.file.Path.of(file).toAbsolutePath();
    Dotenv dotenv =
        Dotenv.configure()
            .directory(path.getParent() == null ? "." : path.getParent().toString())
            .filename(path.getFileName().toString())
            .ignoreIfMissing()
            .load();
    Map<String, Object> entries = new LinkedHashMap<>();
    for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
      entries.put(entry.getKey(), entry.getValue());
    }
    if (entries.isEmpty()) {
      return;
    }
    var source = new SystemEnvironmentPropertySource(SOURCE_NAME, entries);
    var sources = environment.getPropertySources();
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
    } else {
      sources.addLast(source);
    }
  }
}
