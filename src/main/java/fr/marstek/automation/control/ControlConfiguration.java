package fr.marstek.automation.control;

import fr.marstek.automation.config.VariableSource;
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
    return source.read(ControlSettings::from);
  }

  @Bean
  ObserverSettings observerSettings(VariableSource source) {
    return source.read(ObserverSettings::from);
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
