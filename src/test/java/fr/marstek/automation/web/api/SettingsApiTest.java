package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.notify.Notifications;
import fr.marstek.automation.notify.channel.MaskedUrl;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Watts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The settings API over real HTTP, on the demo service with a fresh database. */
@ServiceTest(
    properties = {"API_TOKEN=" + SettingsApiTest.TOKEN, "MAX_DISCHARGE_W=700", "STRATEGY=fixed"})
class SettingsApiTest {

  static final String TOKEN = "test-token-0123456789abcdef";
  private static Path database;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    database = Files.createTempDirectory("settings-api").resolve("history.db");
    registry.add("DATABASE_FILE", () -> database.toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  @Autowired Notifications notifications;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode setting(String name) throws Exception {
    JsonNode all = json.readTree(send("GET", "/api/v1/settings", null, null).body());
    for (JsonNode s : all.get("settings")) {
      if (s.get("name").asString().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no setting " + name + " in " + all);
  }

  private int storedRows() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + database);
        var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM setting")) {
      return rows.getInt(1);
    }
  }

  @Test
  void showsEachSettingWithItsSource() throws Exception {
    assertThat(setting("MAX_DISCHARGE_W").get("value").asString()).isEqualTo("700");
    assertThat(setting("MAX_DISCHARGE_W").get("source").asString()).isIn("ENV", "STORED");
    assertThat(setting("RESERVE_SOC").get("source").asString()).isIn("DEFAULT", "STORED");
    assertThat(setting("TEMPO_PROVIDERS").get("appliedNow").asBoolean()).isFalse();
    assertThat(setting("AUTO_MODE_END_HOUR").get("appliedNow").asBoolean()).isTrue();
  }

  @Test
  void aChangeWithoutTheTokenIsRefusedAndChangesNothing() throws Exception {
    int before = storedRows();
    var response = send("PUT", "/api/v1/settings", "{\"RESERVE_SOC\": 30}", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(storedRows()).isEqualTo(before);
    assertThat(automation.settings().defaults().reserve().value()).isNotEqualTo(30);
  }

  @Test
  void badValuesAreAllReportedAndNothingIsStored() throws Exception {
    int before = storedRows();
    var response =
        send(
            "PATCH",
            "/api/v1/settings",
            "{\"MAX_CHARGE_W\": 9000, \"AUTO_MODE_START_HOUR\": \"25\", \"RESERVE_SOC\": 40,"
                + " \"TEMPO_PRICES\": \"2025-02-30:0.1,0.2,0.3,0.4,0.5,0.6\","
                + " \"NOTIFICATION_URLS\": \"nosuchservice:/secret-x\", \"DATABASE_URL\": \"x\"}",
            TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("detail").asString())
        .contains("MAX_CHARGE_W=9000: expected a charging power 1-2500 (W)")
        .contains("AUTO_MODE_START_HOUR=25: expected an hour of the day 0-23")
        .contains("TEMPO_PRICES=2025-02-30")
        .contains("NOTIFICATION_URLS")
        .contains("DATABASE_URL cannot be changed here");
    assertThat(problem.get("problems").findValuesAsString("name"))
        .contains("MAX_CHARGE_W", "AUTO_MODE_START_HOUR", "TEMPO_PRICES", "NOTIFICATION_URLS");
    assertThat(problem.get("detail").asString()).doesNotContain("secret-x");
    assertThat(storedRows()).isEqualTo(before);
    assertThat(automation.settings().defaults().reserve().value()).isNotEqualTo(40);
  }

  @Test
  void aGoodChangeIsStoredAppliedAtOnceAndUndoneByDelete() throws Exception {
    var response =
        send("PUT", "/api/v1/settings", "{\"MAX_DISCHARGE_W\": 650, \"RESERVE_SOC\": 25}", TOKEN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(setting("MAX_DISCHARGE_W").get("value").asString()).isEqualTo("650");
    assertThat(setting("MAX_DISCHARGE_W").get("source").asString()).isEqualTo("STORED");
    assertThat(setting("MAX_DISCHARGE_W").get("envValue").asString()).isEqualTo("700");
    assertThat(automation.settings().defaults().maxDischarge()).isEqualTo(Watts.of(650));
    assertThat(automation.settings().defaults().reserve().value()).isEqualTo(25);

    var reset = send("DELETE", "/api/v1/settings/MAX_DISCHARGE_W", null, TOKEN);
    send("DELETE", "/api/v1/settings/RESERVE_SOC", null, TOKEN);

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(setting("MAX_DISCHARGE_W").get("source").asString()).isEqualTo("ENV");
    assertThat(automation.settings().defaults().maxDischarge()).isEqualTo(Watts.of(700));
  }

  @Test
  void notificationUrlsAreReplacedAtOnceAndShownMasked() throws Exception {
    String url = "ntfy://user:secretpassword123@127.0.0.1:9/alerts";
    var response =
        send("PATCH", "/api/v1/settings", "{\"NOTIFICATION_URLS\": \"" + url + "\"}", TOKEN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(notifications.urls()).hasSize(1);
    String shown = setting("NOTIFICATION_URLS").get("value").asString();
    assertThat(shown)
        .isEqualTo(notifications.urls().getFirst().text())
        .doesNotContain("secretpassword123");
    assertThat(response.body()).doesNotContain("secretpassword123");

    send("DELETE", "/api/v1/settings/NOTIFICATION_URLS", null, TOKEN);
    assertThat(notifications.urls()).extracting(MaskedUrl::text).isEmpty();
  }

  @Test
  void theOpenApiDocumentDescribesTheSettingsRoutes() throws Exception {
    JsonNode paths = json.readTree(send("GET", "/v3/api-docs", null, null).body()).get("paths");

    JsonNode settings = paths.get("/api/v1/settings");
    assertThat(settings.has("get")).isTrue();
    assertThat(settings.has("put")).isTrue();
    assertThat(settings.has("patch")).isTrue();
    assertThat(paths.get("/api/v1/settings/{name}").has("delete")).isTrue();
  }

  @Test
  void resettingAnUnknownNameSaysWhichNamesExist() throws Exception {
    var response = send("DELETE", "/api/v1/settings/API_TOKEN", null, TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("API_TOKEN is not a setting of this page", "MAX_CHARGE_W");
  }
}
