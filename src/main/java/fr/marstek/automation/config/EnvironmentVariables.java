package fr.marstek.automation.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Exposes the merged environment (shell, {@code .env}, test properties) as {@link Variables}. */
@Configuration(proxyBeanMethods = false)
class EnvironmentVariables {

  @Bean
  VariableSource variableSource(ConfigurableEnvironment environment) {
    return () -> VariableSource.of(environment);
  }
}
