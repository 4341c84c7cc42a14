package fr.marstek.automation;

import fr.marstek.automation.config.ClockSettings;
import fr.marstek.automation.config.VariableSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every feature reads; tests replace it with a {@code @Primary} mutable clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TimeConfiguration.class);

  @Bean
  InstantSource systemClock(VariableSource source) {
    InstantSource system = InstantSource.system();
    return source
        .read(ClockSettings::from)
        .start()
        .map(start -> shifted(system, start))
        .orElse(system);
  }

  // Still ticks in real time, so timers and the shifted clock agree; only the reading moves.
  private static InstantSource shifted(InstantSource system, Instant start) {
    log.warn("CLOCK_START is set: the service runs as if it were {} at start-up", start);
    return InstantSource.offset(system, Duration.between(system.instant(), start));
  }
}
