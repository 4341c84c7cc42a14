package fr.marstek.automation.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/** Exposes the merged environment (shell, {@code .env}, test properties) as {@link Variables}. */
@Configuration(proxyBeanMethods = false)
class EnvironmentVariables {

  @Bean
  VariableSource variableSource(ConfigurableEnvironment environment) {
    return () -> {
      Map<String, String> values = new HashMap<>();
      // Later sources have lower precedence, so walk backwards and let earlier ones overwrite.
      var sources = environment.getPropertySources().stream().toList();
      for (int i = sources.size() - 1; i >= 0; i--) {
        if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable) {
          for (String name : enumerable.getPropertyNames()) {
            Object value = enumerable.getProperty(name);
            if (value != null && name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
              values.put(name, value.toString());
            }
          }
        }
      }
      return new Variables(values);
    };
  }
}
