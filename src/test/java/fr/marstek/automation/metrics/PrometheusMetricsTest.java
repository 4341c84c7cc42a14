package fr.marstek.automation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.Cause;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Phrase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The demo service scraped over real HTTP the way Prometheus does it. */
@ServiceTest
class PrometheusMetricsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = Files.createTempDirectory("metrics-test");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  private String scrape() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("series %s in the scrape", series).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void eachBatteryReportsStateOfChargePowerOnlineAndOneModeAtATime() throws Exception {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              String scrape = scrape();
              for (String id : new String[] {"1", "2", "3"}) {
                String battery = "battery=\"" + id + "\"";
                assertThat(value(scrape, "marstek_battery_online{" + battery + "}")).isEqualTo(1.0);
                assertThat(value(scrape, "marstek_battery_soc_ratio{" + battery + "}"))
                    .isBetween(0.01, 1.0);
                assertThat(scrape).contains("marstek_battery_temperature_celsius{" + battery + "}");
                assertThat(scrape).contains("marstek_grid_power_watts{" + battery + "}");
                assertThat(value(scrape, "marstek_battery_power_watts{" + battery + "}"))
                    .isBetween(-2500.0, 2500.0);
                double modes = 0;
                for (String mode :
                    new String[] {"auto", "ai", "manual", "passive", "ups", "unknown"}) {
                  modes +=
                      value(scrape, "marstek_battery_mode{" + battery + ",mode=\"" + mode + "\"}");
                }
                assertThat(modes).isEqualTo(1.0);
              }
              assertThat(value(scrape, "marstek_automation_paused")).isEqualTo(0.0);
              double todays = 0;
              for (String colour : new String[] {"blue", "white", "red", "unknown"}) {
                todays +=
                    value(scrape, "marstek_tempo_colour{colour=\"" + colour + "\",day=\"today\"}");
              }
              assertThat(todays).isEqualTo(1.0);
              assertThat(scrape).contains("marstek_tempo_price_eur_per_kwh ");
              // one prefix for every metric of the service (Boot's own are jvm_, process_, ...)
              assertThat(scrape).doesNotContainPattern("(?m)^tempo_");
              assertThat(scrape).contains("jvm_memory_used_bytes{");
            });
  }

  @Test
  void aCommandTheBatteryAcknowledgedIsCounted() throws Exception {
    await()
        .atMost(PATIENCE)
        .until(() -> scrape().contains("marstek_battery_online{battery=\"3\"} 1.0"));
    String series = "marstek_commands_total{battery=\"3\",outcome=\"acknowledged\"}";
    double before = value(scrape(), series);

    var forced =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/batteries/3/mode"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-token-0123456789abcdef")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"mode\":\"AI\",\"duration\":\"PT1H\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forced.statusCode()).isEqualTo(200);

    await().atMost(PATIENCE).until(() -> value(scrape(), series) > before);
    assertThat(value(scrape(), "marstek_commands_total{battery=\"3\",outcome=\"rejected\"}"))
        .isEqualTo(0.0);
  }

  @Test
  void aDriftReportedByControlIsCounted() throws Exception {
    String series = "marstek_battery_drifts_total{battery=\"2\"}";
    double before = value(scrape(), series);

    events.publishEvent(
        new BatteryDrifted(
            BatteryId.of(2),
            new DesiredState(new Intent.Idle(), Cause.SCHEDULE, Phrase.verbatim("test")),
            Phrase.verbatim("mode AUTO, wanted MANUAL"),
            4,
            Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(value(scrape(), series)).isEqualTo(before + 1);
  }

  @Test
  void everyMetricTheGrafanaDashboardQueriesIsExposed() throws Exception {
    JsonNode dashboard =
        json.readTree(Files.readString(Path.of("deploy/grafana/marstek-automation.json")));
    Set<String> queried = new TreeSet<>();
    Matcher names =
        Pattern.compile("\\b(marstek_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+)\\b")
            .matcher(dashboard.toString());
    while (names.find()) {
      queried.add(names.group(1));
    }
    String scrape = scrape();

    assertThat(queried).contains("marstek_battery_soc_ratio", "marstek_commands_total");
    assertThat(queried)
        .allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
  }
}
