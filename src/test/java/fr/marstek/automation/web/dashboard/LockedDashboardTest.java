package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With API_READS_REQUIRE_TOKEN the dashboard shows nothing but its login until the token is given.
 */
@ServiceTest(
    properties = {"API_TOKEN=" + LockedDashboardTest.TOKEN, "API_READS_REQUIRE_TOKEN=true"})
class LockedDashboardTest {

  static final String TOKEN = "test-token-0123456789abcdef";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = Files.createTempDirectory("locked-dashboard");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String logIn() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void withoutTheTokenThePagesShowOnlyTheLoginAndTheStreamIsRefused() throws Exception {
    var now = get("/", null);

    assertThat(now.body()).contains("id=\"login-form\"").doesNotContain("id=\"battery-1\"");
    assertThat(get("/plan", null).statusCode()).isEqualTo(302);
    assertThat(get("/history", null).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    assertThat(get("/dashboard/events", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aLoggedInBrowserSeesTheBatteriesAndReadsTheApiButCannotWriteToIt() throws Exception {
    String cookie = logIn();

    assertThat(get("/", cookie).body()).contains("id=\"battery-1\"");
    assertThat(get("/plan", cookie).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/batteries/status", cookie).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/batteries/status", null).statusCode()).isEqualTo(401);
    var write =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/automation/pause"))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(401);
  }
}
