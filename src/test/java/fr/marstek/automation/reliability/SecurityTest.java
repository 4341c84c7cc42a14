package fr.marstek.automation.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The service started with known secrets in every secret setting (API token, RTE client secret,
 * notification URLs, MQTT and database passwords): none of them may show in the log, in any API
 * answer or on any dashboard page. Also the browser protections: security headers on every page,
 * the session cookie's flags, and the login's rate limit.
 */
@ExtendWith(OutputCaptureExtension.class)
@ServiceTest(
    properties = {
      "API_TOKEN=" + SecurityTest.TOKEN,
      "RTE_CLIENT_ID=rte-client-id",
      "RTE_CLIENT_SECRET=SeCrEt-rte-5151",
      "NOTIFICATION_URLS=tgram://111111:SeCrEtBot6161/222222,"
          + " ntfy://user:SeCrEtNtfy7171@127.0.0.1:9/topic",
      "NOTIFY_BASE_URL_OVERRIDES=tgram=http://127.0.0.1:9",
      "NOTIFY_ATTEMPTS=1",
      "MQTT_URL=mqtt://marstek:SeCrEtMqtt3131@127.0.0.1:9",
      "POSTGRES_USER=marstek",
      "POSTGRES_PASSWORD=SeCrEtPg9191"
    })
class SecurityTest {

  static final String TOKEN = "SeCrEt-api-token-4242";

  /** Every secret above contains this; nothing else in the service does. */
  private static final String MARK = "SeCrEt";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = java.nio.file.Files.createTempDirectory("security");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
    registry.add("API_TOKEN_FILE", () -> dir.resolve("token").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void noSecretShowsInTheLogTheApiOrTheDashboard(CapturedOutput output) throws Exception {
    String cookie = logIn("10.3.0.1", false).split(";", 2)[0];
    JsonNode api = json.readTree(get("/v3/api-docs", null).body());
    List<String> paths = new ArrayList<>();
    for (var path : api.get("paths").properties()) {
      if (path.getValue().has("get")) {
        paths.add(path.getKey().replaceAll("\\{[^}]+}", "1"));
      }
    }
    paths.remove("/dashboard/events"); // an endless stream of the fragments the pages show
    paths.addAll(
        List.of(
            "/",
            "/plan",
            "/history",
            "/docs",
            "/swagger-ui/index.html",
            "/v3/api-docs",
            "/v3/api-docs/swagger-config",
            "/actuator",
            "/actuator/health",
            "/actuator/info",
            "/actuator/metrics",
            "/actuator/prometheus",
            "/actuator/env",
            "/actuator/configprops",
            "/api/v1/batteries/9",
            "/no-such-page"));
    List<String> leaks = new ArrayList<>();
    int fetched = 0;
    for (String path : paths) {
      for (String session : java.util.Arrays.asList(null, cookie)) {
        var response = get(path, session);
        fetched++;
        if ((response.body() + response.headers().map()).contains(MARK)) {
          leaks.add("GET " + path + (session == null ? "" : " (logged in)"));
        }
      }
    }
    var notified =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/notifications/test"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    fetched++;
    if (notified.body().contains(MARK)) {
      leaks.add("POST /api/v1/notifications/test");
    }
    System.out.printf("SecurityTest: %d answers searched for secrets%n", fetched);

    assertThat(paths).hasSizeGreaterThan(25);
    assertThat(leaks).isEmpty();
    // the capture holds the start-up: the line that lists the (masked) notification URLs
    assertThat(output.getAll()).contains("Notifications to 2 URL(s)");
    // and what other threads log: the failed test notification, from a request thread
    assertThat(output.getAll()).contains("Test notification to");
    assertThat(output.getAll()).doesNotContain(MARK);
  }

  @Test
  void everyAnswerCarriesTheBrowserSecurityHeaders() throws Exception {
    for (String path :
        List.of("/", "/plan", "/history", "/docs", "/v3/api-docs", "/health", "/api/v1/plan")) {
      var headers = get(path, null).headers();
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'none'"));
    }
    for (String page : List.of("/", "/plan", "/history")) {
      String policy = get(page, null).headers().firstValue("Content-Security-Policy").orElseThrow();
      // scripts only from this origin: no inline script, no eval
      assertThat(policy).contains("default-src 'self'").doesNotContain("script-src");
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndSecureBehindAnHttpsProxy() throws Exception {
    String plain = logIn("10.3.0.2", false);
    String proxied = logIn("10.3.0.3", true);

    assertThat(plain).contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure");
    assertThat(proxied).contains("HttpOnly", "SameSite=Strict", "Secure");
  }

  @Test
  void tenWrongTokensFromOneAddressHoldItsLoginsOffFor15Minutes() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(login("10.4.0.1", "wrong-token-number-" + i, false).statusCode()).isEqualTo(302);
    }

    var held = login("10.4.0.1", TOKEN, false);
    var other = login("10.4.0.2", TOKEN, false);

    assertThat(held.statusCode()).isEqualTo(429);
    assertThat(held.headers().firstValue("Retry-After")).isPresent();
    assertThat(held.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(held.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(other.headers().firstValue("Set-Cookie")).isPresent();
  }

  private HttpResponse<String> login(String from, String token, boolean https) throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", from)
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token));
    if (https) {
      request.header("X-Forwarded-Proto", "https");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The whole Set-Cookie header of a successful login. */
  private String logIn(String from, boolean https) throws Exception {
    var response = login(from, TOKEN, https);
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Set-Cookie").orElseThrow();
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
