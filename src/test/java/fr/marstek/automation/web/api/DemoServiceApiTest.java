package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The service as a newcomer runs it: no battery configured, so three simulated batteries answer
 * over real UDP, and the API is tried over real HTTP.
 */
@ServiceTest
class DemoServiceApiTest {

  private static final String TOKEN = "test-token-0123456789abcdef";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = java.nio.file.Files.createTempDirectory("demo-api");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode statusOfAll() throws Exception {
    return json.readTree(get("/api/v1/batteries/status").body());
  }

  @Test
  void listsTheThreeSimulatedBatteriesOnlineWithTheirStateOfCharge() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode status = statusOfAll();
              assertThat(status.get("demo").asBoolean()).isTrue();
              assertThat(status.get("batteries")).hasSize(3);
              for (JsonNode b : status.get("batteries")) {
                assertThat(b.get("online").asBoolean()).isTrue();
                assertThat(b.get("soc").asInt()).isBetween(1, 100);
                assertThat(b.get("address").asString()).startsWith("127.0.0.1:");
              }
            });
    assertThat(statusOfAll().get("batteries").get(0).get("id").asString()).isEqualTo("1");
  }

  @Test
  void healthAnswers200WithEveryBattery() throws Exception {
    var response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json.readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("batteries")).hasSize(3);
    assertThat(health.get("demo").asBoolean()).isTrue();
    assertThat(health.get("warnings").get(0).asString())
        .startsWith("demo mode: no BATTERY_X_IP is set");
  }

  @Test
  void anUnknownBatteryIsA404ProblemThatListsTheKnownOnes() throws Exception {
    var response = get("/api/v1/batteries/9");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asString())
        .contains("No battery '9'", "[1, 2, 3]");
  }

  @Test
  void changingAModeWithoutTheTokenIsRefused() throws Exception {
    var missing = post("/api/v1/batteries/1/mode", "{\"mode\":\"AI\"}", null);
    var wrong = post("/api/v1/batteries/1/mode", "{\"mode\":\"AI\"}", "wrong-token-0123456789");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json.readTree(wrong.body()).get("detail").asString()).contains("wrong");
  }

  @Test
  void aBadModeOrTimeIsA400ThatSaysWhatIsWrong() throws Exception {
    var badMode = post("/api/v1/batteries/mode", "{\"mode\":\"TURBO\"}", TOKEN);
    var past =
        post(
            "/api/v1/batteries/mode",
            "{\"mode\":\"AUTO\",\"until\":\"2020-01-01T00:00:00+01:00\"}",
            TOKEN);
    var passiveWithoutPower = post("/api/v1/batteries/mode", "{\"mode\":\"PASSIVE\"}", TOKEN);

    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badMode.body()).get("detail").asString()).contains("TURBO");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(json.readTree(past.body()).get("detail").asString()).contains("not in the future");
    assertThat(passiveWithoutPower.statusCode()).isEqualTo(400);
    assertThat(json.readTree(passiveWithoutPower.body()).get("detail").asString())
        .contains("power_w");
  }

  @Test
  void anOverrideReachesTheSimulatedBatteryAndCanBeCleared() throws Exception {
    // Battery 2 itself must be online: a mode for an offline battery is answered 503.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json.readTree(get("/health").body())
                    .get("batteries")
                    .get(1)
                    .get("online")
                    .asBoolean());

    var forced = post("/api/v1/batteries/2/mode", "{\"mode\":\"AI\",\"duration\":\"PT1H\"}", TOKEN);

    assertThat(forced.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode two = json.readTree(get("/api/v1/batteries/2").body());
              assertThat(two.get("desired_mode").asString()).isEqualTo("AI");
              assertThat(two.get("mode").asString()).isEqualTo("AI");
              assertThat(two.get("cause").asString()).isEqualTo("OVERRIDE");
            });

    var cleared =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/batteries/2/override"))
                .header("Authorization", "Bearer " + TOKEN)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.readTree(cleared.body()).get("cleared").asBoolean()).isTrue();
  }

  @Test
  void theScheduleShowsTheNext24Hours() throws Exception {
    JsonNode schedule = json.readTree(get("/api/v1/schedule").body());

    assertThat(schedule.get("batteries")).hasSize(3);
    JsonNode steps = schedule.get("batteries").get(0).get("steps");
    assertThat(steps.size()).isGreaterThanOrEqualTo(2);
    assertThat(steps.get(0).get("reason").asString()).isNotBlank();
  }

  @Test
  void thePlanSaysForEachBatteryWhatToDoHourByHourAndWhy() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode plan = json.readTree(get("/api/v1/plan").body());
              assertThat(plan.get("strategy").asString()).isEqualTo("tempo");
              assertThat(plan.get("batteries")).hasSize(3);
              JsonNode slot = plan.get("batteries").get(0).get("slots").get(0);
              assertThat(slot.get("action").asString())
                  .isIn("CHARGE_FROM_GRID", "COVER_HOUSE", "HOLD");
              assertThat(slot.get("reason").asString()).isNotBlank();
            });
  }

  @Test
  void pauseAndResumeNeedTheTokenAndShowInTheStatus() throws Exception {
    assertThat(post("/api/v1/automation/pause", "", null).statusCode()).isEqualTo(401);

    assertThat(post("/api/v1/automation/pause", "", TOKEN).statusCode()).isEqualTo(200);
    assertThat(statusOfAll().get("automation_paused").asBoolean()).isTrue();
    assertThat(post("/api/v1/automation/resume", "", TOKEN).statusCode()).isEqualTo(200);
    assertThat(statusOfAll().get("automation_paused").asBoolean()).isFalse();
  }

  @Test
  void publishesOpenApi31AndSwaggerUiAtDocs() throws Exception {
    JsonNode api = json.readTree(get("/v3/api-docs").body());
    var docs = get("/docs");

    assertThat(api.get("openapi").asString()).startsWith("3.1");
    assertThat(api.get("paths").propertyNames())
        .contains(
            "/health",
            "/api/v1/batteries/status",
            "/api/v1/batteries/{id}",
            "/api/v1/batteries/{id}/mode",
            "/api/v1/batteries/mode",
            "/api/v1/batteries/{id}/override",
            "/api/v1/schedule",
            "/api/v1/plan",
            "/api/v1/automation/pause");
    assertThat(docs.statusCode()).isIn(200, 302);
  }

  @Test
  void theOpenApiDocumentLintsClean() throws Exception {
    var document = get("/v3/api-docs");
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "openapi.json"), document.body()); // for a look or redocly

    assertThat(OpenApiLint.problems(document.body())).isEmpty();
    JsonNode api = json.readTree(document.body());
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(api.at("/info/title").asString()).isEqualTo("Marstek Automation API");
    assertThat(api.get("paths").propertyNames()).doesNotContain("/dashboard/events", "/login");
  }
}
