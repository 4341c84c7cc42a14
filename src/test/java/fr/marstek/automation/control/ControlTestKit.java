package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalDouble;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Builds control as the service wires it, on a fresh embedded database, for tests and benchmarks.
 */
public final class ControlTestKit {

  private ControlTestKit() {}

  /** The seed's schedule (06:00-22:00), Venus-E limits, standard retries: what most tests drive. */
  public static ControlSettings fixedSchedule() {
    return new ControlSettings(
        OperatingSchedule.ofHours(6, 22),
        SafetyLimits.venusE(),
        Map.of(),
        RetryPolicy.standard(),
        ControlSettings.Strategy.FIXED,
        0.05);
  }

  public static Automation automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock) {
    return automation(batteries, settings, events, clock, ImportCapSettings.none());
  }

  /** As above, with an import cap and the default 30 s poll. */
  public static Automation automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      ImportCapSettings importCap) {
    JdbcClient jdbc = JdbcClient.create(freshDatabase());
    var plans =
        new PlanKeeper(
            Planner.of(Strategy.TEMPO),
            TempoKnowledge.nothingKnown(),
            TempoPrices.defaults(),
            hour -> OptionalDouble.empty(),
            settings);
    return new Automation(
        batteries,
        settings,
        events,
        clock,
        new IntentStore(jdbc),
        plans,
        new BatteryLeases(jdbc, "test-instance", Duration.ofMinutes(2)),
        new ImportCapGrants(importCap, Duration.ofSeconds(30)));
  }

  private static SimpleDriverDataSource freshDatabase() {
    try {
      var file = Files.createTempFile("control-test", ".db");
      file.toFile().deleteOnExit();
      var dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + file);
      Flyway.configure().dataSource(dataSource).load().migrate();
      return dataSource;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
