package fr.marstek.automation.control;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads control's settings once at start-up; a mistake stops start-up with a clear message. */
@Configuration(proxyBeanMethods = false)
class ControlConfiguration {

  @Bean
  ControlSettings controlSettings(VariableSource source) {
    Variables variables = source.variables();
    ControlSettings settings = ControlSettings.from(variables);
    variables.check();
    return settings;
  }
}
