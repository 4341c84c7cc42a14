package fr.marstek.automation;

import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every feature reads; tests replace it with a {@code @Primary} mutable clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  InstantSource systemClock() {
    return InstantSource.system();
  }
}
