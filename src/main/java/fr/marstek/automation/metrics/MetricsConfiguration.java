package fr.marstek.automation.metrics;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.InstantSource;
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
  MeterBinder tariffGauges(TempoColours colours, Tariff tariff, InstantSource clock) {
    return new TariffGauges(colours, tariff, clock);
  }

  @Bean
  ControlCounters controlCounters(MeterRegistry registry, Batteries batteries) {
    return new ControlCounters(registry, batteries);
  }
}
