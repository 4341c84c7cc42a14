package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ShiftedClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, killed with SIGKILL (no shutdown hook, no flush) at chosen minutes of one night and
 * started again: each time the battery ends in the state the schedule wants, and every history row
 * that was committed before the kill is still there. The service's clock is shifted with {@code
 * CLOCK_START} to the simulator's, and both tick in real time.
 *
 * <p>Every build kills it at the minutes around the night's boundaries; the {@code long} profile
 * (which CI runs too) once every 20 minutes of the night.
 */
class KilledServiceIT {

  private static final LocalDateTime EVENING = LocalDateTime.parse("2026-01-14T21:58:30");
  // around 22:00, midnight and 06:00, and 03:17 (the battery reset while down)
  private static final List<LocalTime> BOUNDARY_MINUTES =
      List.of(
          LocalTime.of(21, 58, 30),
          LocalTime.of(22, 1),
          LocalTime.of(23, 59, 35),
          LocalTime.of(3, 17),
          LocalTime.of(5, 59, 35),
          LocalTime.of(6, 2));

  @TempDir Path dir;

  @Test
  void aKillAroundTheNightsBoundariesIsFollowedByTheRightStateAndNoLostRow() throws Exception {
    killAndRestartAt(BOUNDARY_MINUTES);
  }

  @Tag("long")
  @Test
  void aKillEveryTwentyMinutesOfTheNightIsFollowedByTheRightStateAndNoLostRow() throws Exception {
    killAndRestartAt(everyTwentyMinutes());
  }

  private void killAndRestartAt(List<LocalTime> killMinutes) throws Exception {
    var clock = ShiftedClock.atParis(EVENING.toString());
    var options =
        SimulatorOptions.defaults()
            .withPort(0)
            .withInitialSoc(Percent.of(20))
            .withLoad(HouseholdLoad.constant(Watts.of(400)));
    try (SimulatedDevice device = SimulatedDevice.start(options, clock)) {
      Path database = dir.resolve("history.db");
      Set<String> committed = new HashSet<>();
      List<String> log = new ArrayList<>();
      for (LocalTime minute : killMinutes) {
        LocalDateTime at = nextOccurrence(clock, minute);
        clock.jumpTo(at.atZone(PARIS).toInstant());
        boolean resetWhileDown = minute.equals(LocalTime.of(3, 17));
        if (resetWhileDown) {
          // The battery lost its slots while nobody was watching: the restart must notice.
          device.battery().setMode(DeviceMode.AUTO);
        }
        Instant startedAt = clock.instant();
        Process service = start(device, database, startedAt);
        try {
          awaitRightState(device.battery(), at.toLocalTime(), service);
          // The restarted service has committed a row of its own (its first poll's, stamped at or
          // after its start; every older row is from before the kill): its history works again.
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> rowsSince(telemetryRows(database), startedAt) > 0);
          Set<String> seen = telemetryRows(database);
          assertThat(seen)
              .as("rows committed before the previous kill, after the restart at %s", minute)
              .containsAll(committed);
          log.add(
              minute
                  + ": "
                  + device.battery().mode()
                  + ", "
                  + seen.size()
                  + " rows, ready after "
                  + Duration.between(startedAt, clock.instant()).toMillis()
                  + " ms");
          // Read just before the kill: every row committed by then must survive it.
          committed.addAll(telemetryRows(database));
        } finally {
          kill(service);
        }
      }
      log.forEach(System.out::println);
      assertThat(log).hasSameSizeAs(killMinutes);
      assertThat(modeChanges(database)).isNotEmpty();
    }
  }

  /** Every 20 minutes from 21:40:30 to 06:20:30, and 03:17 (the battery reset while down). */
  private static List<LocalTime> everyTwentyMinutes() {
    List<LocalTime> all = new ArrayList<>();
    for (int m = 0; m <= 520; m += 20) {
      all.add(LocalTime.of(21, 40).plusMinutes(m).plusSeconds(30));
    }
    all.add(LocalTime.of(3, 17));
    all.sort(KilledServiceIT::nightOrder);
    return all;
  }

  // Evening minutes before morning ones: the night is one stretch of time.
  private static int nightOrder(LocalTime a, LocalTime b) {
    return Integer.compare(shifted(a), shifted(b));
  }

  private static int shifted(LocalTime t) {
    return (t.toSecondOfDay() + 12 * 3600) % 86_400;
  }

  private static LocalDateTime nextOccurrence(InstantSource clock, LocalTime minute) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), PARIS);
    LocalDateTime candidate = now.toLocalDate().atTime(minute);
    return candidate.isBefore(now) ? candidate.plusDays(1) : candidate;
  }

  private static boolean night(LocalTime t) {
    return !t.isBefore(LocalTime.of(22, 0)) || t.isBefore(LocalTime.of(6, 0));
  }

  private static void awaitRightState(SimulatedBattery battery, LocalTime at, Process service) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(service.isAlive()).as("service still running").isTrue();
              if (night(at)) {
                assertThat(battery.mode()).isEqualTo(DeviceMode.MANUAL);
                assertThat(battery.acPower().value() < -2000 || battery.soc().value() >= 98)
                    .as("charging or full, at %s", at)
                    .isTrue();
              } else {
                assertThat(battery.mode()).isEqualTo(DeviceMode.AUTO);
              }
            });
  }

  private Process start(SimulatedDevice device, Path database, Instant now) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BATTERY_1_IP", "127.0.0.1");
    env.put("BATTERY_1_PORT", Integer.toString(device.address().getPort()));
    env.put("MARSTEK_LOCAL_PORT_POLICY", "ephemeral");
    env.put("MARSTEK_LOCAL_ADDRESS", "127.0.0.1");
    env.put("MARSTEK_REQUEST_GAP_MS", "100");
    env.put("MARSTEK_SEND_GAP_MS", "50");
    env.put("MARSTEK_READ_TIMEOUT_MS", "1000");
    env.put("MARSTEK_WRITE_TIMEOUT_MS", "1000");
    env.put("POLL_INTERVAL_SECONDS", "15");
    env.put("COMMAND_RETRY_SECONDS", "2");
    env.put("STRATEGY", "fixed");
    env.put("TEMPO_ENABLED", "false");
    env.put("DATABASE_FILE", database.toString());
    env.put("SERVER_PORT", "0");
    env.put("API_TOKEN_FILE", dir.resolve("token").toString());
    env.put("DOTENV_FILE", "none"); // no .env: a named file that is missing stops start-up
    env.put("CLOCK_START", now.atZone(PARIS).toOffsetDateTime().toString());
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-jar",
                Path.of("target/marstek-automation.jar").toAbsolutePath().toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void kill(Process service) throws InterruptedException {
    service.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs, nothing is flushed
    assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(service.exitValue()).as("killed by SIGKILL").isEqualTo(137);
  }

  private static Set<String> telemetryRows(Path database) throws SQLException {
    Set<String> rows = new HashSet<>();
    if (!Files.exists(database)) {
      return rows;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement()) {
      if (!tableExists(s, "telemetry")) {
        return rows;
      }
      try (ResultSet r = s.executeQuery("SELECT battery, ts FROM telemetry")) {
        while (r.next()) {
          rows.add(r.getString(1) + "@" + r.getLong(2));
        }
      }
    }
    return rows;
  }

  private static long rowsSince(Set<String> rows, Instant start) {
    return rows.stream()
        .mapToLong(row -> Long.parseLong(row.substring(row.indexOf('@') + 1)))
        .filter(ts -> ts >= start.toEpochMilli())
        .count();
  }

  private static List<String> modeChanges(Path database) throws SQLException {
    List<String> changes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT to_mode, cause FROM mode_change ORDER BY ts")) {
      while (r.next()) {
        changes.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return changes;
  }

  private static boolean tableExists(Statement s, String table) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
      return r.next() && r.getInt(1) == 1;
    }
  }
}
