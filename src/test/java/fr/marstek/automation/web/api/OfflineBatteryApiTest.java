package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A configured battery that never answers: an expected state, shown and refused clearly. */
@ServiceTest(
    properties = {
      "MARSTEK_REQUEST_GAP_MS=10",
      "MARSTEK_READ_TIMEOUT_MS=100",
      "MARSTEK_READ_RETRIES=0",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "OFFLINE_AFTER_FAILED_POLLS=1",
      "MARSTEK_SEND_GAP_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
class OfflineBatteryApiTest {

  @DynamicPropertySource
  static void silentBattery(DynamicPropertyRegistry registry) throws IOException {
    int unusedPort;
    try (var probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      unusedPort = probe.getLocalPort();
    }
    var dir = Files.createTempDirectory("offline-api");
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(unusedPort));
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void healthStays200AndShowsTheBatteryOfflineWithTheReason() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var response = send(at("/health"));
              assertThat(response.statusCode()).isEqualTo(200);
              JsonNode battery = json.readTree(response.body()).get("batteries").get(0);
              assertThat(battery.get("online").asBoolean()).isFalse();
              assertThat(battery.get("reason").asString()).contains("no reply");
            });
    assertThat(json.readTree(send(at("/health")).body()).get("demo").asBoolean()).isFalse();
  }

  @Test
  void anUnknownModeIs400BeforeTheFirstReadAndWhileOffline() throws Exception {
    var beforeFirstRead = forceTurbo();
    assertThat(beforeFirstRead.statusCode()).isEqualTo(400);
    assertThat(beforeFirstRead.body()).contains("TURBO", "AUTO, AI, MANUAL, IDLE, PASSIVE");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> send(at("/api/v1/batteries/1")).body().contains("\"online\":false"));
    assertThat(forceTurbo().statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> forceTurbo() throws Exception {
    return send(
        at("/api/v1/batteries/1/mode")
            .header("Authorization", "Bearer test-token-0123456789abcdef")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"TURBO\"}")));
  }

  @Test
  void forcingAModeOnAnOfflineBatteryIsA503ThatSaysWhy() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> send(at("/api/v1/batteries/1")).body().contains("\"online\":false"));

    var response =
        send(
            at("/api/v1/batteries/1/mode")
                .header("Authorization", "Bearer test-token-0123456789abcdef")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"AUTO\"}")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json.readTree(response.body()).get("detail").asString())
        .contains("Battery 1 is offline", "Open API");
  }
}
