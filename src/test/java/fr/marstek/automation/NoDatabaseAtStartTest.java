package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.InstantSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL down when the service starts: it starts anyway, commands the battery at 22:00 with
 * history waiting in memory, and says on /health that the database is down and the stored settings
 * unread; once the server is back it is migrated, the waiting history is written and the stored
 * setting (MAX_CHARGE_W=1200) takes effect. The battery is polled by the test ({@link
 * FleetObserver#observeOnce()} after a jump of one poll interval, at most once a second), not every
 * 15 s of real time; PostgreSQL's stop, start and timeouts stay real.
 */
@ServiceTest(properties = {"MARSTEK_READ_TIMEOUT_MS=", "MARSTEK_WRITE_TIMEOUT_MS="})
class NoDatabaseAtStartTest {

  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T21:59:40");
  static final Duration INTERVAL = Duration.ofSeconds(15);
  static SimulatedDevice device;
  static Path dataDirectory;
  static int port;
  static EmbeddedPostgres postgres;

  @LocalServerPort int http;
  @Autowired FleetObserver observer;

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) throws Exception {
    dataDirectory = Files.createTempDirectory("nodb-pg");
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // A database the household set up earlier: migrated, one setting saved on the page; then down.
    postgres = startPostgres();
    Flyway.configure().dataSource(url(), "postgres", null).load().migrate();
    try (Connection c = DriverManager.getConnection(url() + "?user=postgres")) {
      c.createStatement()
          .execute(
              "INSERT INTO setting (name, value, changed_at) VALUES ('MAX_CHARGE_W', '1200', 0)");
    }
    postgres.close();
    device =
        SimulatedDevice.start(
            SimulatorOptions.defaults()
                .withPort(0)
                .withInitialSoc(Percent.of(30))
                .withLoad(HouseholdLoad.constant(Watts.of(400))),
            CLOCK);
    registry.add("DATABASE_URL", () -> url() + "?user=postgres");
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> device.address().getPort());
    registry.add("MARSTEK_LOCAL_PORT_POLICY", () -> "ephemeral");
    registry.add("MARSTEK_REQUEST_GAP_MS", () -> "100");
    registry.add("MARSTEK_SEND_GAP_MS", () -> "50");
    registry.add("POLL_INTERVAL_SECONDS", () -> INTERVAL.toSeconds());
    registry.add("CONTROL_ENABLED", () -> "false"); // polled by the test, on its clock
    registry.add("COMMAND_RETRY_SECONDS", () -> "2");
    registry.add("DATABASE_TIMEOUT_SECONDS", () -> "5");
    registry.add("STRATEGY", () -> "fixed");
    registry.add("TEMPO_ENABLED", () -> "false");
  }

  static String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
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
    if (postgres != null) {
      postgres.close();
    }
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource shiftedClock() {
      return CLOCK;
    }
  }

  @Test
  void theServiceStartsAndControlsWithoutItsDatabaseAndCatchesUpWhenItAnswers() throws Exception {
    JsonNode health = health();
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("stored_settings_read").asBoolean()).isFalse();
    assertThat(health.path("control").path("stored_intent_read").asBoolean()).isFalse();

    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll();
              assertThat(device.battery().mode()).isEqualTo(DeviceMode.MANUAL);
              assertThat(device.battery().acPower().value()).isLessThan(-2000);
            });
    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll(); // a sample to write
              assertThat(health().path("database").path("status").asString()).isEqualTo("DOWN");
            });
    assertThat(health().path("database").path("pending").asInt()).isPositive();

    postgres = startPostgres();

    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              poll(); // the lease keeper's rounds read the stored intent once it answers
              JsonNode now = health();
              assertThat(now.path("stored_settings_read").asBoolean()).isTrue();
              assertThat(now.path("control").path("stored_intent_read").asBoolean()).isTrue();
              assertThat(now.path("database").path("status").asString()).isEqualTo("UP");
              assertThat(now.path("database").path("pending").asInt()).isZero();
            });
    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll();
              assertThat(device.battery().acPower().value())
                  .as("the stored MAX_CHARGE_W=1200 applies")
                  .isBetween(-1300.0, -1100.0);
            });
    try (Connection c = DriverManager.getConnection(url() + "?user=postgres")) {
      var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM telemetry");
      rows.next();
      assertThat(rows.getInt(1)).as("samples taken while it was away").isPositive();
    }
  }

  /** One poll interval later, the battery polled (and its control cycle run) once. */
  private void poll() throws InterruptedException {
    CLOCK.jumpTo(CLOCK.instant().plus(INTERVAL));
    observer.observeOnce();
  }

  private JsonNode health() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
