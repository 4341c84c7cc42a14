package fr.marstek.automation.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Exposes the merged environment (shell, {@code .env}, test properties) as {@link Variables}. */
@Configuration(proxyBeanMethods = false)
class EnvironmentVariables {

  private static final Logger log = LoggerFactory.getLogger(EnvironmentVariables.class);

  @Bean
  VariableSource variableSource(ConfigurableEnvironment environment) {
    return () -> VariableSource.of(environment);
  }

  @Bean
  ConfigurationWarnings configurationWarnings(VariableSource variableSource) {
    var found = ConfigurationWarnings.of(variableSource.variables());
    found.warnings().forEach(warning -> log.warn("configuration: {}", warning));
    return found;
  }
}
