package fr.marstek.automation.metrics;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.Batteries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the fleet's meters; Boot exposes them at {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  MeterBinder fleetGauges(Batteries batteries, FleetObserver observer, Automation automation) {
    return new FleetGauges(batteries, observer, automation);
  }

  @Bean
  ControlCounters controlCounters(MeterRegistry registry, Batteries batteries) {
    return new ControlCounters(registry, batteries);
  }
}
