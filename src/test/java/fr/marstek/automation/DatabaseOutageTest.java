package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.testing.ShiftedClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stopped under the running service, then started again: control goes on (the 22:00
 * night charge is commanded while the database is away), /health says the database is down and how
 * many samples wait, and once it is back every sample taken meanwhile is in the database. The
 * battery is polled by the test ({@link FleetObserver#observeOnce()} after a jump of one poll
 * interval), not every 15 s of real time; the database's stop, start and timeouts stay real.
 */
@ServiceTest(properties = {"MARSTEK_READ_TIMEOUT_MS=", "MARSTEK_WRITE_TIMEOUT_MS="})
class DatabaseOutageTest {

  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T21:40:00");
  static final Duration INTERVAL = Duration.ofSeconds(15);
  static final List<Instant> OBSERVED = new CopyOnWriteArrayList<>();
  static SimulatedDevice device;
  static Path dataDirectory;
  static int port;
  static EmbeddedPostgres postgres;

  static final String TOKEN = "outage-token-0123456789abcdef";

  @LocalServerPort int http;
  @Autowired Automation automation;
  @Autowired FleetObserver observer;

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) {
    try {
      dataDirectory = Files.createTempDirectory("outage-pg");
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      postgres = startPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    device =
        SimulatedDevice.start(
            SimulatorOptions.defaults()
                .withPort(0)
                .withInitialSoc(Percent.of(30))
                .withLoad(HouseholdLoad.constant(Watts.of(400))),
            CLOCK);
    registry.add(
        "DATABASE_URL", () -> "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> device.address().getPort());
    registry.add("MARSTEK_LOCAL_PORT_POLICY", () -> "ephemeral");
    registry.add("MARSTEK_REQUEST_GAP_MS", () -> "100");
    registry.add("MARSTEK_SEND_GAP_MS", () -> "50");
    registry.add("POLL_INTERVAL_SECONDS", () -> INTERVAL.toSeconds());
    registry.add("CONTROL_ENABLED", () -> "false"); // polled by the test, on its clock
    registry.add("COMMAND_RETRY_SECONDS", () -> "2");
    registry.add("STRATEGY", () -> "fixed");
    registry.add("TEMPO_ENABLED", () -> "false");
    registry.add("API_TOKEN", () -> TOKEN);
  }

  static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .start();
  }

  @AfterAll
  static void stop() throws IOException {
    device.close();
    postgres.close();
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource shiftedClock() {
      return CLOCK;
    }

    @EventListener
    void on(BatteryStatusObserved event) {
      OBSERVED.add(event.status().observedAt());
    }
  }

  @Test
  void controlGoesOnAndNoSampleIsLostWhileTheDatabaseIsAway() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              poll();
              return storedSamples().size() >= 2;
            });
    assertThat(database().path("status").asText()).isEqualTo("UP");

    postgres.close();
    Instant away = CLOCK.instant();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll(); // a sample to write
              assertThat(database().path("status").asText()).isEqualTo("DOWN");
            });
    JsonNode down = database();
    assertThat(down.path("failing_since").asText()).isNotEmpty();
    assertThat(health().statusCode()).isEqualTo(200);

    HttpResponse<String> pause = post("/api/v1/automation/pause");
    assertThat(pause.statusCode()).isEqualTo(503);
    assertThat(pause.body()).contains("database is unavailable");
    assertThat(automation.isPaused()).isFalse();

    CLOCK.jumpTo(Instant.parse("2026-01-14T20:59:50Z")); // 21:59:50 in Paris
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll();
              assertThat(device.battery().mode()).isEqualTo(DeviceMode.MANUAL);
              assertThat(device.battery().acPower().value()).isLessThan(-2000);
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              poll();
              return OBSERVED.stream().filter(t -> !t.isBefore(away)).count() >= 5;
            });
    assertThat(database().path("pending").asInt()).isGreaterThanOrEqualTo(5);

    postgres = startPostgres();
    Instant back = CLOCK.instant();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode db = database();
              assertThat(db.path("status").asText()).isEqualTo("UP");
              assertThat(db.path("pending").asInt()).isZero();
            });

    Set<Long> stored = storedSamples();
    List<Long> takenWhileAway =
        OBSERVED.stream()
            .filter(t -> !t.isBefore(away) && t.isBefore(back))
            .map(Instant::toEpochMilli)
            .toList();
    assertThat(takenWhileAway).hasSizeGreaterThanOrEqualTo(5);
    assertThat(stored).containsAll(takenWhileAway);
    assertThat(modeChanges()).contains("MANUAL SCHEDULE");
    assertThat(database().path("dropped").asLong()).isZero();
  }

  /** One poll interval later, the battery polled (and its control cycle run) once. */
  private void poll() throws InterruptedException {
    CLOCK.jumpTo(CLOCK.instant().plus(INTERVAL));
    observer.observeOnce();
  }

  private HttpResponse<String> health() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + path))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode database() throws IOException, InterruptedException {
    return JsonMapper.builder().build().readTree(health().body()).path("database");
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
  }

  private static Set<Long> storedSamples() throws SQLException {
    Set<Long> times = new HashSet<>();
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery("SELECT ts FROM telemetry")) {
      while (r.next()) {
        times.add(r.getLong(1));
      }
    }
    return times;
  }

  private static List<String> modeChanges() throws SQLException {
    List<String> changes = new CopyOnWriteArrayList<>();
    try (Connection c = connect();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT to_mode, cause FROM mode_change ORDER BY ts")) {
      while (r.next()) {
        changes.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return changes;
  }
}
