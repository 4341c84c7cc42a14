package fr.marstek.automation.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checks the seed's remaining variables at start-up. */
@Configuration(proxyBeanMethods = false)
class ServiceSettingsConfiguration {

  @Bean
  ServiceSettings serviceSettings(VariableSource source) {
    return source.read(ServiceSettings::from);
  }
}
