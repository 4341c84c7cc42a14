package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ServiceTest;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue #15 item 12: a battery left at the factory port while {@code BATTERY_1_PORT} names another
 * is found there, driven, and the household is told which line to set, on {@code /health} and on
 * the dashboard in both languages. The simulator's ephemeral port stands for 30000 ({@code
 * MARSTEK_FACTORY_PORT}), so parallel test forks never collide.
 */
@ServiceTest(
    properties = {
      "MARSTEK_REQUEST_GAP_MS=10",
      "MARSTEK_READ_RETRIES=0",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "MARSTEK_SEND_GAP_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
@ExtendWith(OutputCaptureExtension.class)
class WrongPortServiceTest {

  private static SimulatedDevice factoryPortDevice;
  private static int configuredPort;

  @DynamicPropertySource
  static void batteryOnTheFactoryPort(DynamicPropertyRegistry registry) throws IOException {
    try (var unused = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      configuredPort = unused.getLocalPort();
    }
    factoryPortDevice =
        SimulatedDevice.start(SimulatorOptions.defaults().withPort(0), InstantSource.system());
    var dir = Files.createTempDirectory("wrong-port");
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(configuredPort));
    registry.add(
        "MARSTEK_FACTORY_PORT", () -> Integer.toString(factoryPortDevice.address().getPort()));
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopDevice() {
    factoryPortDevice.close();
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Issue #15 item 11: the start-up log says where the dashboard is, with the port in use. */
  @Test
  void theStartUpLogSaysWhereTheDashboardIs(CapturedOutput output) {
    assertThat(output.getAll())
        .contains("Dashboard at http://localhost:" + port + "/", "port set by SERVER_PORT");
  }

  @Test
  void drivesTheBatteryOnTheFactoryPortAndSaysWhichLineToSet(CapturedOutput output)
      throws Exception {
    int factory = factoryPortDevice.address().getPort();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode health = json.readTree(get("/health"));
              assertThat(health.get("batteries").get(0).get("online").asBoolean()).isTrue();
              assertThat(health.get("warnings").toString())
                  .contains(
                      "battery 1 answers on port " + factory + ", not " + configuredPort,
                      "set BATTERY_1_PORT=" + factory + " in .env");
            });

    assertThat(get("/?lang=fr"))
        .contains(
            "La batterie 1 répond sur le port "
                + factory
                + ", pas sur le "
                + configuredPort
                + " : mettez BATTERY_1_PORT="
                + factory
                + " dans .env.");
    assertThat(get("/plan?lang=en"))
        .contains(
            "Battery 1 answers on port " + factory + ", not " + configuredPort,
            "set BATTERY_1_PORT=" + factory + " in .env.");
    assertThat(
            factoryPortDevice.requestLog().entries().stream()
                .filter(e -> e.method().equals("Marstek.GetDevice"))
                .count())
        .isOne();
    assertThat(output.getAll())
        .contains("Battery 1 answers on port " + factory + ", not " + configuredPort);
  }
}
