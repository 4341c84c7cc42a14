package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
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

  static ControlWiring control(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock) {
    return control(batteries, settings, events, clock, ImportCapSettings.none());
  }

  /** As above, with an import cap and the default 30 s poll. */
  static ControlWiring control(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      ImportCapSettings importCap) {
    return control(batteries, settings, events, clock, importCap, new Reading());
  }

  /** As above, each cycle observing through {@code observation} (an observer's, say). */
  static ControlWiring control(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      ImportCapSettings importCap,
      Observation observation) {
    JdbcClient jdbc = JdbcClient.create(freshDatabase());
    return control(
        batteries, settings, events, clock, jdbc, "test-instance", importCap, observation);
  }

  /** Control as one instance of the service wires it, on the given database. */
  static ControlWiring control(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      JdbcClient jdbc,
      String instance) {
    return control(
        batteries,
        settings,
        events,
        clock,
        jdbc,
        instance,
        ImportCapSettings.none(),
        new Reading());
  }

  private static ControlWiring control(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      JdbcClient jdbc,
      String instance,
      ImportCapSettings importCap,
      Observation observation) {
    var ids = batteries.all().stream().map(BatteryPort::id).toList();
    var leases =
        new LeaseKeeper(new BatteryLeases(jdbc, instance, Duration.ofMinutes(2)), ids, clock);
    return ControlWiring.of(
        parts(
            batteries,
            settings,
            jdbc,
            leases,
            new ImportCapGrants(importCap, Duration.ofSeconds(30))),
        observation,
        events,
        clock);
  }

  /** Tempo's hours, which the service reads from its live tariff. */
  static final PeakHours TEMPO_HOURS = new PeakHours(TempoTariff.hours());

  /** Control's parts on the given database, for tests that wire them themselves. */
  static ControlWiring.Parts parts(
      Batteries batteries,
      ControlSettings settings,
      JdbcClient jdbc,
      LeaseKeeper leases,
      ImportCapGrants caps) {
    var plans =
        new PlanKeeper(
            Planner.of(Strategy.TEMPO),
            TempoKnowledge.nothingKnown(),
            TempoPrices.defaults(),
            hour -> OptionalDouble.empty(),
            settings);
    return new ControlWiring.Parts(
        batteries,
        settings,
        new IntentStore(jdbc),
        plans,
        leases,
        SlotRecord.stored(jdbc),
        caps,
        TEMPO_HOURS);
  }

  /**
   * The observe step as the tests drive it: reads the battery and tells nothing (the tests read no
   * health); a battery that does not answer ends the cycle, and {@link #rethrow} hands its error to
   * the test.
   */
  static final class Reading implements Observation {

    private volatile BatteryUnreachable failure;

    @Override
    public Optional<BatteryStatus> observe(BatteryPort port, boolean readMeter, Outbox outbox) {
      try {
        return Optional.of(port.readStatus(readMeter));
      } catch (BatteryUnreachable e) {
        failure = e;
        return Optional.empty();
      }
    }

    @Override
    public void readBack(BatteryStatus status) {}

    /** Throws what the last failed read threw, once. */
    void rethrow() throws BatteryUnreachable {
      BatteryUnreachable e = failure;
      failure = null;
      if (e != null) {
        throw e;
      }
    }
  }

  static SimpleDriverDataSource freshDatabase() {
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
