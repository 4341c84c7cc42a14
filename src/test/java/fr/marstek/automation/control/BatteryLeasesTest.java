package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBatteryPort;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Two instances on one database never both command a battery. */
class BatteryLeasesTest {

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.atParis("2026-12-01T23:00:00");
  private final SimulatedBatteryPort port =
      SimulatedBatteryPort.create(
          BatteryId.of(1),
          SimulatorOptions.defaults()
              .withInitialSoc(Percent.of(30))
              .withLoad(HouseholdLoad.constant(Watts.of(300))),
          clock);
  private final List<String> commandsBy = new ArrayList<>();
  private JdbcClient jdbc;

  @BeforeEach
  void migrate() {
    var dataSource =
        new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + dir.resolve("db"));
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    away.setUrl("jdbc:sqlite:" + dir.resolve("db"));
  }

  private Automation instance(String name) {
    var settings = ControlSettings.from(new Variables(Map.of("STRATEGY", "fixed")));
    var batteries =
        new Batteries() {
          @Override
          public List<BatteryPort> all() {
            return List.of(port);
          }

          @Override
          public boolean isDemo() {
            return true;
          }
        };
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
        event -> {
          if (event instanceof CommandSent) {
            commandsBy.add(name);
          }
        },
        clock,
        new IntentStore(jdbc),
        plans,
        new BatteryLeases(jdbc, name, Duration.ofSeconds(90)));
  }

  private void observeBy(Automation instance) throws Exception {
    instance.on(new BatteryStatusObserved(port.readStatus()));
  }

  @Test
  void onlyTheLeaseHolderCommandsAndAnotherTakesOverWhenItGoesQuiet() throws Exception {
    Automation first = instance("first");
    Automation second = instance("second");

    observeBy(first);
    port.battery().setMode(fr.marstek.automation.device.DeviceMode.AUTO);
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("first");

    commandsBy.clear();
    clock.advance(Duration.ofSeconds(91));
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("second");
  }

  @Test
  void aCleanShutdownHandsTheBatteryOverAtOnce() throws Exception {
    Automation first = instance("first");
    Automation second = instance("second");
    observeBy(first);

    first.releaseBatteries();
    port.battery().setMode(fr.marstek.automation.device.DeviceMode.AUTO);
    commandsBy.clear();
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("second");
  }

  @Test
  void throughADatabaseOutageTheHolderKeepsCommandingAndNobodyElseStarts() throws Exception {
    var leases = new BatteryLeases(JdbcClient.create(away), "first", Duration.ofSeconds(90));
    var other = new BatteryLeases(JdbcClient.create(away), "second", Duration.ofSeconds(90));
    BatteryId one = BatteryId.of(1);
    assertThat(leases.hold(one, clock.instant())).isTrue();

    away.down = true;
    clock.advance(Duration.ofSeconds(200)); // past the lease's expiry: still ours, nobody can tell
    assertThat(leases.hold(one, clock.instant())).isTrue();
    assertThat(other.hold(one, clock.instant())).isFalse();
    assertThat(away.attempts).isEqualTo(2);

    clock.advance(Duration.ofSeconds(10)); // within the retry pause: the database is not asked
    assertThat(leases.hold(one, clock.instant())).isTrue();
    assertThat(away.attempts).isEqualTo(2);

    away.down = false;
    clock.advance(BatteryLeases.RETRY_AWAY);
    assertThat(leases.hold(one, clock.instant())).isTrue();
    assertThat(other.hold(one, clock.instant())).isFalse();
  }

  private final SwitchableDataSource away = new SwitchableDataSource();

  /**
   * The SQLite database behind a switch that makes every new connection fail, as a stopped server.
   */
  private static final class SwitchableDataSource extends SimpleDriverDataSource {
    volatile boolean down;
    int attempts;

    SwitchableDataSource() {
      setDriver(new org.sqlite.JDBC());
    }

    @Override
    protected java.sql.Connection getConnectionFromDriver(java.util.Properties props)
        throws java.sql.SQLException {
      if (down) {
        attempts++;
        throw new java.sql.SQLException("Connection refused", "08001");
      }
      return super.getConnectionFromDriver(props);
    }
  }
}
