package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.MarstekAutomationApplication;
import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.Cause;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.control.DesiredStateReached;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service: control's events arrive as messages at a real webhook, and the test route
 * answers per URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotifyServiceTest {

  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final String GOTIFY_TOKEN = "AbCdEf1234567890";

  @TempDir static Path dir;
  private static HttpSink sink;
  private static ConfigurableApplicationContext context;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    sink = new HttpSink();
    context =
        new SpringApplication(MarstekAutomationApplication.class)
            .run(
                "--DOTENV_FILE=none",
                "--SERVER_PORT=0",
                "--API_TOKEN=" + TOKEN,
                "--API_TOKEN_FILE=" + dir.resolve("token"),
                "--CONTROL_ENABLED=false",
                "--NOTIFICATION_LANGUAGE=fr",
                "--NOTIFY_EVENTS=offline:critical,back,drift",
                "--NOTIFICATION_URLS=json://127.0.0.1:"
                    + sink.port()
                    + "/hook gotify://127.0.0.1:"
                    + sink.port()
                    + "/"
                    + GOTIFY_TOKEN);
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    context.close();
    sink.close();
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static long hooksWith(String text) {
    return sink.received().stream()
        .filter(r -> r.path().equals("/hook") && r.body().contains(text))
        .count();
  }

  @Test
  void aBatteryGoingOfflineReachesEveryUrlInFrenchWithItsLevel() {
    context.publishEvent(
        new BatteryWentOffline(
            new BatteryId("9"), Instant.parse("2026-01-15T13:05:00Z"), "pas de réponse"));

    await().atMost(HttpSink.patience()).until(() -> hooksWith("Batterie 9 hors ligne") == 1);
    JsonNode hook =
        json(
            sink.received().stream()
                .filter(r -> r.body().contains("Batterie 9 hors ligne") && r.path().equals("/hook"))
                .findFirst()
                .orElseThrow()
                .body());
    assertThat(hook.get("message").asString())
        .isEqualTo("La batterie 9 ne répond plus depuis 14:05 (pas de réponse).");
    assertThat(hook.get("type").asString()).isEqualTo("failure");
    await()
        .atMost(HttpSink.patience())
        .until(
            () ->
                sink.received().stream()
                    .anyMatch(
                        r ->
                            r.path().equals("/message")
                                && r.body().contains("Batterie 9 hors ligne")));
  }

  @Test
  void aDriftIsSentOnceUntilTheBatteryReachesItsStateAgain() {
    var desired =
        new DesiredState(
            new Intent.GridCharge(Watts.of(1200), Percent.of(80)),
            Cause.PLAN,
            Phrase.verbatim("nuit bleue"));
    var drift =
        new BatteryDrifted(
            new BatteryId("8"),
            desired,
            Phrase.verbatim("mode Auto au lieu de Manual"),
            4,
            Instant.parse("2026-01-15T01:00:00Z"));

    context.publishEvent(drift);
    context.publishEvent(drift);
    await()
        .atMost(HttpSink.patience())
        .until(() -> hooksWith("Batterie 8 : mode non appliqué") == 1);
    context.publishEvent(
        new DesiredStateReached(
            new BatteryId("8"), desired, Instant.parse("2026-01-15T01:10:00Z")));
    context.publishEvent(drift);

    await()
        .atMost(HttpSink.patience())
        .until(() -> hooksWith("Batterie 8 : mode non appliqué") == 2);
    assertThat(
            sink.received().stream()
                .filter(r -> r.body().contains("Batterie 8"))
                .findFirst()
                .orElseThrow()
                .body())
        .contains("charge réseau 1200 W → 80 %) après 4 essais : mode Auto au lieu de Manual.");
  }

  @Test
  void theTestRouteNeedsTheTokenAndAnswersPerUrlWithMaskedUrls(CapturedOutput output)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/test"))
            .POST(HttpRequest.BodyPublishers.noBody());

    var refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    var answered =
        http.send(
            request.header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(answered.statusCode()).isEqualTo(200);
    JsonNode report = json(answered.body());
    assertThat(report.get("urls").asInt()).isEqualTo(2);
    assertThat(report.get("delivered").asInt()).isEqualTo(2);
    assertThat(report.get("results").get(0).get("url").asString())
        .isEqualTo("json://127.0.0.1:" + sink.port() + "/hook");
    assertThat(report.get("results").get(1).get("url").asString())
        .isEqualTo("gotify://127.0.0.1:" + sink.port() + "/A****0");
    assertThat(answered.body()).doesNotContain(GOTIFY_TOKEN);
    assertThat(output.getAll()).contains("Notifications to 2 URL(s)").doesNotContain(GOTIFY_TOKEN);
    assertThat(hooksWith("Ceci est un message de test")).isEqualTo(1);
  }

  @Test
  void aMalformedUrlStopsStartUpWithTheReasonAndNoSecret(CapturedOutput output) {
    var app = new SpringApplication(MarstekAutomationApplication.class);
    app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);

    assertThatThrownBy(
            () ->
                app.run(
                    "--DOTENV_FILE=none",
                    "--API_TOKEN_FILE=" + dir.resolve("token2"),
                    "--CONTROL_ENABLED=false",
                    "--NOTIFICATION_URLS=tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
        .hasRootCauseInstanceOf(InvalidConfiguration.class);
    assertThat(output.getAll())
        .contains("NOTIFICATION_URLS entry 1: tgram:// needs at least one chat id")
        .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
  }
}
