package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The front door's bean, apart from ControlConfiguration so that each can change on its own. */
@Configuration(proxyBeanMethods = false)
class CommandsConfiguration {

  @Bean
  ControlCommands controlCommands(
      ControlWiring control,
      FleetObserver observer,
      Batteries batteries,
      PeakHours peakHours,
      InstantSource clock) {
    return new ControlCommands(
        control.intent(), control.queries(), observer, batteries, peakHours, clock);
  }
}
