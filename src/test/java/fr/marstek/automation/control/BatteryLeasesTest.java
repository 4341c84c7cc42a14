package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBatteryPort;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private ControlWiring instance(String name) {
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
    return ControlWiring.of(
        ControlTestKit.parts(batteries, settings, jdbc, keeper(jdbc, name), ImportCapGrants.none()),
        new ControlTestKit.Reading(),
        event -> {
          if (event instanceof CommandSent) {
            commandsBy.add(name);
          }
        },
        clock);
  }

  private LeaseKeeper keeper(JdbcClient database, String name) {
    return new LeaseKeeper(
        new BatteryLeases(database, name, Duration.ofSeconds(90)), List.of(ONE), clock);
  }

  private static final BatteryId ONE = BatteryId.of(1);

  private void observeBy(ControlWiring instance) throws Exception {
    instance.cycle().run(port, false);
  }

  @Test
  void onlyTheLeaseHolderCommandsAndAnotherTakesOverWhenItGoesQuiet() throws Exception {
    ControlWiring first = instance("first");
    ControlWiring second = instance("second");

    observeBy(first);
    port.battery().setMode(fr.marstek.automation.device.DeviceMode.AUTO);
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("first");

    commandsBy.clear();
    clock.advance(Duration.ofSeconds(91));
    second
        .queries()
        .leaseKeeper()
        .renewNow(); // the keeper's next round, which runs beside the cycles
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("second");
  }

  @Test
  void aCleanShutdownHandsTheBatteryOverAtOnce() throws Exception {
    ControlWiring first = instance("first");
    ControlWiring second = instance("second");
    observeBy(first);

    first.queries().releaseBatteries();
    port.battery().setMode(fr.marstek.automation.device.DeviceMode.AUTO);
    commandsBy.clear();
    observeBy(second);

    assertThat(commandsBy).isNotEmpty().containsOnly("second");
  }

  @Test
  void throughADatabaseOutageTheHolderKeepsCommandingAndAnotherThatAnsweredStaysOff() {
    var database = JdbcClient.create(away);
    LeaseKeeper holder = keeper(database, "first");
    LeaseKeeper other = keeper(database, "second");
    holder.renewNow();
    other.renewNow();
    assertThat(holder.mayCommand(ONE)).isTrue();
    assertThat(other.mayCommand(ONE)).isFalse();

    away.down = true;
    clock.advance(Duration.ofSeconds(200)); // past the lease's expiry: still ours, nobody can tell
    holder.renewNow();
    other.renewNow();

    assertThat(holder.mayCommand(ONE)).isTrue();
    assertThat(other.mayCommand(ONE)).isFalse();
    assertThat(holder.away()).isPresent();
    assertThat(away.attempts).isGreaterThanOrEqualTo(2);

    away.down = false;
    holder.renewNow();
    other.renewNow();
    assertThat(holder.mayCommand(ONE)).isTrue();
    assertThat(other.mayCommand(ONE)).isFalse();
    assertThat(holder.away()).isEmpty();
  }

  @Test
  void anInstanceThatCannotReachTheLeaseTableAtStartTakesEveryBattery() {
    away.down = true;
    LeaseKeeper alone = keeper(JdbcClient.create(away), "alone");

    boolean commands = alone.mayCommand(ONE);

    assertThat(commands).as("a single instance controls without its database").isTrue();
    assertThat(alone.away()).isPresent();
  }

  @Test
  void aControlCycleNeverWaitsForAHungLeaseStatement() throws Exception {
    var database = JdbcClient.create(away);
    LeaseKeeper keeper = keeper(database, "first");
    assertThat(keeper.mayCommand(ONE)).isTrue();
    away.hang = true;
    try {
      clock.advance(keeper.period());

      // Each call starts or finds the hung round and answers from memory at once.
      assertTimeoutPreemptively(
          Duration.ofSeconds(3),
          () -> {
            for (int cycle = 0; cycle < 8; cycle++) {
              assertThat(keeper.mayCommand(ONE)).isTrue();
              clock.advance(Duration.ofSeconds(30));
            }
          });

      // The round runs on its own thread, which a loaded machine may not have started yet.
      assertThat(away.firstHang.await(30, java.util.concurrent.TimeUnit.SECONDS))
          .as("a round hangs on the database")
          .isTrue();
      assertThat(away.hung.get()).as("only one round hangs at a time").isEqualTo(1);
      assertThat(keeper.stalledSince()).as("the hung keeper shows in /health").isPresent();
    } finally {
      away.release();
    }
  }

  private final SwitchableDataSource away = new SwitchableDataSource();

  /**
   * The SQLite database behind a switch that makes every new connection fail, as a stopped server.
   */
  private static final class SwitchableDataSource extends SimpleDriverDataSource {
    volatile boolean down;
    volatile boolean hang;
    int attempts;
    final java.util.concurrent.atomic.AtomicInteger hung =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.CountDownLatch firstHang =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch released =
        new java.util.concurrent.CountDownLatch(1);

    SwitchableDataSource() {
      setDriver(new org.sqlite.JDBC());
    }

    void release() {
      hang = false;
      released.countDown();
    }

    @Override
    protected java.sql.Connection getConnectionFromDriver(java.util.Properties props)
        throws java.sql.SQLException {
      if (down) {
        attempts++;
        throw new java.sql.SQLException("Connection refused", "08001");
      }
      if (hang) {
        hung.incrementAndGet();
        firstHang.countDown();
        try {
          released.await(); // a locked table or a silent network: no answer at all
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new java.sql.SQLException("no answer", "08006");
      }
      return super.getConnectionFromDriver(props);
    }
  }
}
