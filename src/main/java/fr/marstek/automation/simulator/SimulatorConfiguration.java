package fr.marstek.automation.simulator;

import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supplies the system clock when no other module defined one. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

  @Bean
  @ConditionalOnMissingBean(InstantSource.class)
  InstantSource instantSource() {
    return InstantSource.system();
  }
}
