package fr.marstek.automation.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests the service once answered with a 500, a flood of log lines, or by taking more than was
 * written: each is now a 4xx problem detail with at most one log line, and changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@ServiceTest(
    properties = {
      "API_TOKEN=" + WebRefusalsTest.TOKEN,
      "CONTROL_ENABLED=false",
      "TEMPO_ENABLED=false",
      "STRATEGY=fixed"
    })
class WebRefusalsTest {

  static final String TOKEN = "refusals-token-0123456789";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = java.nio.file.Files.createTempDirectory("refusals");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  @Autowired Automation automation;
  @Autowired ControlCommands commands;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/history/telemetry?to=-999999999-01-01T00:00:00Z",
        "/api/v1/history/modes?to=-999999999-01-01T00:00:00Z",
        "/api/v1/history/commands?to=-999999999-01-01T00:00:00Z",
        "/api/v1/history/telemetry?from=%2B999999999-12-31T23:59:59Z",
        "/api/v1/history/commands?from=-999999999-01-01T00:00",
        "/api/v1/history/modes?to=1969-12-31"
      })
  void historyTimesNoMillisecondCountCanHoldAreA400(String path) throws Exception {
    var response = send("GET", path, null, null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("1970 to 9999");
  }

  @Test
  void theErrorPageAskedForDirectlyIsNotFoundNotA500() throws Exception {
    var response = send("GET", "/error", null, null, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aQueryThatIsNotUtf8IsA400WithAtMostOneLogLineAndNoStackTrace(CapturedOutput output)
      throws Exception {
    int before = output.getAll().length();

    List<Integer> statuses = new ArrayList<>();
    for (String query : List.of("from=%FF", "to=%C3%28", "battery=%FE%FF")) {
      statuses.add(
          send("GET", "/api/v1/history/telemetry?" + query, null, null, null).statusCode());
    }

    assertThat(statuses).containsOnly(400);
    String logged = output.getAll().substring(before);
    List<String> lines = logged.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("one line per request at most:%n%s", logged).hasSizeLessThanOrEqualTo(3);
    assertThat(logged).doesNotContain("\tat ").doesNotContain(" ERROR ");
  }

  @Test
  void thirtyWrongApiTokensHoldTheAddressOffEvenWithTheRightOne() throws Exception {
    String from = "10.7.0.1";
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      wrong.add(
          send("POST", "/api/v1/automation/pause", "Bearer wrong-" + i, from, null).statusCode());
    }

    var right = send("POST", "/api/v1/automation/pause", "Bearer " + TOKEN, from, null);
    var elsewhere = send("GET", "/api/v1/batteries/status", null, "10.7.0.2", null);

    assertThat(wrong.subList(0, 10)).containsOnly(401);
    assertThat(wrong.subList(10, 30)).containsOnly(429);
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    assertThat(elsewhere.statusCode()).isEqualTo(200);
    assertThat(automation.isPaused()).isFalse();
  }

  @Test
  void theFormTokenInTheAddressIsRefused() throws Exception {
    String cookie = logIn("10.8.0.1");
    String csrf = formToken(cookie);

    var inQuery = send("POST", "/dashboard/pause?csrf=" + csrf, null, "10.8.0.1", cookie, "", true);
    var inBody = send("POST", "/dashboard/pause", null, "10.8.0.1", cookie, "csrf=" + csrf, true);

    assertThat(inQuery.statusCode()).isEqualTo(403);
    assertThat(inBody.statusCode()).isEqualTo(302);
    assertThat(automation.isPaused()).isTrue();
    commands.submit(new ControlCommand.Pause(false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"mode\":\"MANUAL\",\"power_w\":1.5,\"duration\":\"PT1H\"}|'power_w' must be a whole number",
        "{\"mode\":\"MANUAL\",\"power_w\":\"100\",\"duration\":\"PT1H\"}|'power_w' must be a whole number",
        "{\"mode\":\"MANUAL\",\"target_soc\":80.0,\"duration\":\"PT1H\"}|'target_soc' must be a whole number",
        "{\"mode\":\"MANUAL\",\"allow_peak_grid_charge\":2,\"duration\":\"PT1H\"}|'allow_peak_grid_charge' must be true or false",
        "{\"mode\":\"MANUAL\",\"allow_peak_grid_charge\":\"true\",\"duration\":\"PT1H\"}|'allow_peak_grid_charge' must be true or false",
        "{\"mode\":5,\"duration\":\"PT1H\"}|'mode' must be a string",
        "{\"mode\":\"PASSIVE\",\"power_w\":-2147483648,\"duration\":\"PT1H\"}|-2500..2500",
        "{\"mode\":\"PASSIVE\",\"power_w\":-2147483647,\"duration\":\"PT1H\"}|-2500..2500"
      })
  void aBodyValueOfTheWrongTypeOrRangeIsA400ThatSaysWhich(String body, String says)
      throws Exception {
    var response =
        send("POST", "/api/v1/batteries/mode", "Bearer " + TOKEN, null, null, body, false);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(says);
    assertThat(automation.overrides()).isEmpty();
  }

  private String logIn(String from) throws Exception {
    var response = send("POST", "/login", null, from, null, "token=" + TOKEN, true);
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private String formToken(String cookie) throws Exception {
    String page = send("GET", "/settings", null, null, cookie).body();
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a form token on the settings page").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, String from, String cookie)
      throws Exception {
    return send(method, path, authorization, from, cookie, null, false);
  }

  private HttpResponse<String> send(
      String method,
      String path,
      String authorization,
      String from,
      String cookie,
      String body,
      boolean form)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header(
          "Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (from != null) {
      request.header("X-Forwarded-For", from);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
