package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.history.ChangeCause;
import fr.marstek.automation.history.HistoryRecorder;
import fr.marstek.automation.history.ModeChange;
import fr.marstek.automation.history.TelemetrySample;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ServiceTest
class HistoryControllerTest {

  static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
  static final BatteryId ONE = BatteryId.of(1);
  static final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    Path directory = Files.createTempDirectory("history-rest");
    registry.add("DATABASE_FILE", () -> directory.resolve("rest.db").toString());
    registry.add("DATABASE_URL", () -> "");
  }

  @LocalServerPort int port;
  @Autowired HistoryRecorder recorder;

  @BeforeEach
  void storeAFewSamples() {
    for (int i = 0; i < 6; i++) {
      recorder.recordTelemetry(
          new TelemetrySample(
              ONE,
              NOON.plusSeconds(10L * i),
              true,
              Optional.of(Percent.of(50 + i)),
              Optional.of(Watts.of(-1000)),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(WattHours.of(100 + i)),
              Optional.of(WattHours.of(7))));
    }
    recorder.recordModeChange(
        new ModeChange(
            ONE,
            NOON,
            Optional.of(DeviceMode.AUTO),
            DeviceMode.PASSIVE,
            ChangeCause.OVERRIDE,
            Optional.of(Phrase.verbatim("boost, then \"auto\""))));
    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
  }

  HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .header("Accept", accept)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void savingsAreServedPerDayAndMonthWithTheSeasonTotal() throws Exception {
    var response = get("/api/v1/savings?from=2026-11-20&to=2026-11-21", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"from\":\"2026-11-20\"")
        .contains("\"months\":[")
        .contains("\"total\":{")
        .contains("\"days_unpriced\"");
  }

  @Test
  void aSavingsRequestWithABadDateIsA400ThatSaysWhatToWrite() throws Exception {
    var badDate = get("/api/v1/savings?from=yesterday", "application/json");
    var reversed = get("/api/v1/savings?from=2026-12-02&to=2026-12-01", "application/json");

    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("such as 2026-12-01");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("swap them");
  }

  @Test
  void servesABatterysTelemetryAsJson() throws Exception {
    var response =
        get(
            "/api/v1/history/telemetry?battery=1&from=2026-11-20T12:00:00Z&to=2026-11-20T13:00:00Z",
            "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"battery\":\"1\"")
        .contains("\"resolution\":\"RAW\"")
        .contains("\"at\":\"2026-11-20T13:00:50+01:00\"")
        .contains("\"soc\":55.0");
  }

  @Test
  void servesTheFleetAsCsvWhenAskedByHeaderOrParameter() throws Exception {
    String query = "/api/v1/history/telemetry?from=2026-11-20T13:00%2B01:00&to=2026-11-20T13:05";

    var byHeader = get(query, "text/csv");
    var byParameter = get(query + "&format=csv", "*/*");

    assertThat(byHeader.statusCode()).isEqualTo(200);
    assertThat(byHeader.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(byHeader.body().lines())
        .first()
        .asString()
        .startsWith("time,battery,resolution,soc_pct,battery_w");
    assertThat(byHeader.body().lines()).hasSize(2);
    assertThat(byHeader.body()).contains("2026-11-20T13:00:00+01:00,fleet,raw,52.5,-1000.0");
    assertThat(byParameter.body()).isEqualTo(byHeader.body());
  }

  @Test
  void servesModeChangesAsJsonAndCsv() throws Exception {
    String query = "/api/v1/history/modes?battery=1&from=2026-11-20&to=2026-11-20";

    var json = get(query, "application/json");
    var csv = get(query, "text/csv");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"to\":\"PASSIVE\"").contains("\"cause\":\"OVERRIDE\"");
    assertThat(csv.body())
        .contains("2026-11-20T13:00:00+01:00,1,AUTO,PASSIVE,OVERRIDE,\"boost, then \"\"auto\"\"\"");
  }

  @Test
  void answersABadTimeWithAProblemAPersonCanActOn() throws Exception {
    var response = get("/api/v1/history/telemetry?from=yesterday", "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body())
        .contains("from=yesterday: expected a time such as 2026-11-26T10:00:00Z");
  }

  @Test
  void answersAReversedRangeWith400EvenWhenCsvWasAsked() throws Exception {
    var response = get("/api/v1/history/modes?from=2026-11-21&to=2026-11-20", "text/csv");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("must be before to");
  }

  @Test
  void answersAnUnknownBatteryWith404() throws Exception {
    var response = get("/api/v1/history/telemetry?battery=7", "application/json");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    // the demo batteries 2 and 3 may have written history too when the first poll came in time
    assertThat(response.body())
        .contains("battery 7 has no history")
        .containsPattern("\\[1(, [23])*\\]");
  }
}
