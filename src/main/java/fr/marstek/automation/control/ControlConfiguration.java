package fr.marstek.automation.control;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

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

  @Bean
  ObserverSettings observerSettings(VariableSource source) {
    Variables variables = source.variables();
    ObserverSettings settings = ObserverSettings.from(variables);
    variables.check();
    return settings;
  }

  @Bean
  FleetObserver fleetObserver(
      Batteries batteries,
      ObserverSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      TaskScheduler scheduler) {
    return new FleetObserver(batteries, settings, events, clock, scheduler);
  }

  @Bean
  @DependsOnDatabaseInitialization
  Automation automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      DataSource dataSource) {
    return new Automation(
        batteries, settings, events, clock, new IntentStore(JdbcClient.create(dataSource)));
  }
}
