package fr.marstek.automation.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/** Gives each feature a fresh {@link Variables} to read its settings from. */
@FunctionalInterface
public interface VariableSource {
  Variables variables();

  /** Reads one feature's settings and stops start-up if any of its variables is wrong. */
  default <T> T read(Function<Variables, T> reader) {
    Variables variables = variables();
    T settings = reader.apply(variables);
    variables.check();
    return settings;
  }

  /** The merged environment (shell, {@code .env}, test properties) by upper-case variable name. */
  static Variables of(ConfigurableEnvironment environment) {
    Map<String, String> values = new HashMap<>();
    // Later sources have lower precedence, so walk backwards and let earlier ones overwrite.
    var sources = environment.getPropertySources().stream().toList();
    for (int i = sources.size() - 1; i >= 0; i--) {
      if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          Object value = enumerable.getProperty(name);
          if (value != null && name.equals(name.toUpperCase(Locale.ROOT))) {
            values.put(name, value.toString());
          }
        }
      }
    }
    return new Variables(values);
  }
}
