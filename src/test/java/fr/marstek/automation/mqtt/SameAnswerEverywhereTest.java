package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.control.ModeOverride;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.testing.ShiftedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The REST API, the dashboard and MQTT hand the same command to control's one front door, so a
 * command that is wrong, or that safety would hold for as long as it lasts, is refused by all three
 * with the same reason, and none of them takes it (issue #16: MQTT used to answer such a MANUAL
 * accepted).
 */
@ServiceTest(
    properties = {
      "API_TOKEN=" + SameAnswerEverywhereTest.TOKEN,
      "STRATEGY=fixed",
      "TEMPO_ENABLED=false",
      "MQTT_STATE_INTERVAL_SECONDS=5",
      "MARSTEK_READ_TIMEOUT_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
class SameAnswerEverywhereTest {

  static final String TOKEN = "test-token-0123456789abcdef";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final BatteryId ONE = BatteryId.of(1);
  // Peak hours; the schedule's next change (22:00) is when they end.
  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T10:00:00");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern PROBLEM = Pattern.compile("id=\"problem\" role=\"alert\">([^<]*)<");

  private static Mosquitto broker;

  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  @Autowired ControlCommands commands;
  @Autowired FleetObserver observer;
  @Autowired MessageSource messages;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private Subscriber ha;

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource sameAnswerClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.start();
    registry.add("MQTT_URL", broker::url);
    var dir = Files.createTempDirectory("same-answer");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @BeforeEach
  void connectHomeAssistant() throws Exception {
    ha = new Subscriber(broker.pahoUri()).listen("marstek/#");
    await().atMost(PATIENCE).until(() -> observer.health(ONE).online());
  }

  @AfterEach
  void disconnect() throws Exception {
    ha.close();
  }

  @Test
  void aModeThatDoesNotExistIsRefusedWithTheSameReasonEverywhere() throws Exception {
    String reason = "mode 'TURBO' is not one of AUTO, AI, MANUAL, IDLE, PASSIVE";

    var rest = rest("{\"mode\":\"TURBO\"}");
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(json.readTree(rest.body()).get("detail").asString()).isEqualTo(reason);
    assertThat(mqtt("TURBO")).isEqualTo("false " + reason);
    assertThat(dashboard("TURBO"))
        .isEqualTo(catalogue("override.refused", Locale.ENGLISH) + " " + reason);
    assertThat(automation.overrides()).isEmpty();
  }

  @Test
  void passiveWithoutAPowerIsRefusedWithTheSameReasonEverywhere() throws Exception {
    String reason =
        "PASSIVE needs 'power_w': negative to charge, positive to discharge (-2500..2500)";

    var rest = rest("{\"mode\":\"PASSIVE\"}");
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(json.readTree(rest.body()).get("detail").asString()).isEqualTo(reason);
    assertThat(mqtt("passive")).isEqualTo("false " + reason);
    assertThat(dashboard("PASSIVE"))
        .isEqualTo(catalogue("override.refused", Locale.ENGLISH) + " " + reason);
    assertThat(automation.overrides()).isEmpty();
  }

  @Test
  void aGridChargeSafetyWouldHoldUntilItEndsIsRefusedEverywhere() throws Exception {
    var rest = rest("{\"mode\":\"MANUAL\"}");
    assertThat(rest.statusCode()).isEqualTo(409);
    String reason = json.readTree(rest.body()).get("detail").asString();
    assertThat(reason).startsWith("no grid charging in peak hours (06:00-22:00)");
    assertThat(mqtt("MANUAL")).isEqualTo("false " + reason);
    assertThat(dashboard("MANUAL")).isEqualTo(catalogue("override.safety", Locale.ENGLISH));
    assertThat(automation.overrides()).isEmpty();

    // The same MANUAL allowed in peak hours is taken: the refusal was safety's, not the mode's.
    var allowed = rest("{\"mode\":\"MANUAL\",\"allow_peak_grid_charge\":true}");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(automation.overrides()).hasSize(1);
    commands.submit(new ControlCommand.ClearOverride(java.util.Optional.of(ONE.value())));
  }

  /** A JSON object on the command topic carries the REST body's fields, PASSIVE's power too. */
  @Test
  void aJsonCommandOverMqttTakesTheRestBodysFields() throws Exception {
    assertThat(
            mqtt("{\"mode\":\"PASSIVE\",\"power_w\":500,\"until\":\"2026-01-14T12:00:00+01:00\"}"))
        .startsWith("true ");
    assertThat(automation.overrides())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.battery()).contains(ONE);
              assertThat(o.intent()).isInstanceOf(Intent.FixedPower.class);
              assertThat(((Intent.FixedPower) o.intent()).power().value()).isEqualTo(500);
              assertThat(o.until()).isEqualTo(Instant.parse("2026-01-14T11:00:00Z"));
            });
    commands.submit(new ControlCommand.ClearOverride(Optional.of(ONE.value())));

    // The MANUAL that safety refuses in peak hours, allowed as the REST body allows it.
    assertThat(mqtt("{\"mode\":\"MANUAL\",\"allow_peak_grid_charge\":true}")).startsWith("true ");
    assertThat(automation.overrides())
        .singleElement()
        .extracting(ModeOverride::gridChargeInPeak)
        .isEqualTo(true);
    commands.submit(new ControlCommand.ClearOverride(Optional.of(ONE.value())));
  }

  @Test
  void aJsonCommandThatCannotBeReadIsRefusedSayingWhy() throws Exception {
    assertThat(mqtt("{\"mode\":\"PASSIVE\",\"power_w\":"))
        .isEqualTo(
            "false the command is not valid JSON: check its syntax and each property's type");
    assertThat(mqtt("{\"mode\":\"PASSIVE\",\"power_w\":\"500\"}"))
        .isEqualTo("false 'power_w' must be a whole number; values are not converted");
    var rest = rest("{\"mode\":\"PASSIVE\",\"power_w\":\"500\"}");
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(json.readTree(rest.body()).get("detail").asString())
        .startsWith("'power_w' must be a whole number; values are not converted");
    // Read, but wrong for control: the same reason as the REST API's.
    assertThat(mqtt("{\"mode\":\"PASSIVE\"}"))
        .isEqualTo(
            "false PASSIVE needs 'power_w': negative to charge, positive to discharge"
                + " (-2500..2500)");
    assertThat(automation.overrides()).isEmpty();
  }

  private HttpResponse<String> rest(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url("/api/v1/batteries/1/mode"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The result Home Assistant reads back: "accepted detail". */
  private String mqtt(String payload) throws Exception {
    String topic = "marstek/battery/1/command/result";
    int before = ha.history(topic).size();
    ha.send("marstek/battery/1/mode/set", payload);
    await().atMost(PATIENCE).until(() -> ha.history(topic).size() > before);
    JsonNode result = json.readTree(ha.history(topic).get(before));
    return result.get("accepted").asBoolean() + " " + result.get("detail").asString();
  }

  /** The banner the Now page shows after the form is sent, in English. */
  private String dashboard(String mode) throws Exception {
    String cookie = logIn();
    Matcher csrf = CSRF.matcher(page(cookie));
    assertThat(csrf.find()).isTrue();
    var sent =
        http.send(
            HttpRequest.newBuilder(url("/dashboard/override"))
                .header("Cookie", cookie)
                .header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "battery=1&mode=" + mode + "&csrf=" + csrf.group(1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).isEqualTo(302);
    Matcher problem = PROBLEM.matcher(page(cookie));
    assertThat(problem.find()).as("a problem banner").isTrue();
    return HtmlUtils.htmlUnescape(problem.group(1)).trim();
  }

  private String page(String cookie) throws Exception {
    return http.send(
            HttpRequest.newBuilder(url("/"))
                .header("Cookie", cookie)
                .header("Accept-Language", "en")
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String logIn() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private String catalogue(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
