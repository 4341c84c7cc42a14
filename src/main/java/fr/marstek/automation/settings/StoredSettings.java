package fr.marstek.automation.settings;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The stored settings as the environment's first property source, so that every {@code
 * VariableSource.read(...)} sees them ahead of the shell and {@code .env} without knowing they
 * exist.
 */
final class StoredSettings {

  static final String SOURCE_NAME = "storedSettings";

  private final Map<String, Object> values;

  private StoredSettings(Map<String, Object> values) {
    this.values = values;
  }

  /** The environment's stored-settings source, added first (highest precedence) when missing. */
  static StoredSettings in(ConfigurableEnvironment environment) {
    var sources = environment.getPropertySources();
    PropertySource<?> existing = sources.get(SOURCE_NAME);
    if (existing instanceof MapPropertySource map) {
      return new StoredSettings(map.getSource());
    }
    Map<String, Object> values = new ConcurrentHashMap<>();
    sources.addFirst(new MapPropertySource(SOURCE_NAME, values));
    return new StoredSettings(values);
  }

  Map<String, String> values() {
    Map<String, String> copy = new HashMap<>();
    values.forEach((k, v) -> copy.put(k, v.toString()));
    return copy;
  }

  /** Replaces every stored value, keeping only the page's settings. */
  void replaceAll(Map<String, String> stored) {
    values.keySet().retainAll(stored.keySet());
    stored.forEach(this::put);
  }

  void put(String name, String value) {
    if (SettingField.named(name).isPresent()) {
      values.put(name, value);
    }
  }

  void remove(String name) {
    values.remove(name);
  }

  /** The variables without the stored settings: the shell, {@code .env} and test properties. */
  static Map<String, String> environmentOnly(ConfigurableEnvironment environment) {
    Map<String, String> merged = new HashMap<>();
    var sources = environment.getPropertySources().stream().toList();
    // Later sources have lower precedence (as VariableSource.of): walk backwards, overwrite.
    for (int i = sources.size() - 1; i >= 0; i--) {
      if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable
          && !SOURCE_NAME.equals(enumerable.getName())) {
        for (String name : enumerable.getPropertyNames()) {
          Object value = enumerable.getProperty(name);
          if (value != null && name.equals(name.toUpperCase(Locale.ROOT))) {
            merged.put(name, value.toString());
          }
        }
      }
    }
    return merged;
  }
}
