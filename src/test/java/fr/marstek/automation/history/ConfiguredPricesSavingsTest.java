package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
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
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** TEMPO_PRICES reaches the prices bean and the savings measured from the recorded history. */
@ServiceTest(
    properties = {
      // Replaces the default grid of 2025-08-01 (red: 0.1460 off-peak, 0.6468 peak).
      "TEMPO_PRICES=2025-08-01:0.10,0.20,0.11,0.21,0.15,0.70",
      // The recorded day is a year old: retention's first turn, 2 minutes of real time after
      // start, would delete its raw samples before the rollup on a loaded machine (90 days kept).
      "HISTORY_RETENTION_DAYS=3650"
    })
class ConfiguredPricesSavingsTest {

  static final BatteryId ONE = BatteryId.of(1);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    Path directory = Files.createTempDirectory("configured-prices");
    registry.add("DATABASE_FILE", () -> directory.resolve("prices.db").toString());
    registry.add("DATABASE_URL", () -> "");
  }

  @LocalServerPort int port;
  @Autowired HistoryRecorder recorder;
  @Autowired HistoryMaintenance maintenance;
  @Autowired TempoPrices prices;
  @Autowired ObjectMapper json;

  @Test
  void theConfiguredGridPricesTheRecordedDaysOfItsPeriod() throws Exception {
    assertThat(prices.gridOn(LocalDate.of(2025, 12, 2)).orElseThrow().redPeak().eurPerKwh())
        .isEqualTo(0.70);
    // Tempo day 2025-12-02 (RED): 07:00-09:00 Paris at peak, 23:00-01:00 off-peak.
    steadyHours(Instant.parse("2025-12-02T06:00:00Z"), 500, 0, 800);
    steadyHours(Instant.parse("2025-12-02T22:00:00Z"), 3000, 2500, 0);
    recorder.recordTempoDay(
        new TempoDayRecord(LocalDate.of(2025, 12, 2), Optional.of("RED"), Optional.empty()));
    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    maintenance.rollUp();

    JsonNode day = get("/api/v1/savings?from=2025-12-02&to=2025-12-02").get("days").get(0);

    assertThat(day.get("colour").asString()).isEqualTo("RED");
    // 6 kWh off-peak x 0.15 + 1 kWh peak x 0.70 (the default grid would give 1.5652)
    assertThat(day.get("paid_eur").asDouble()).isCloseTo(1.60, within(0.01));
    // plus the 1.6 kWh delivered at peak, minus the 5 kWh charged off-peak
    assertThat(day.get("saved_eur").asDouble()).isCloseTo(1.12 - 0.75, within(0.01));
  }

  // Two hours of one battery at a constant meter reading, its counters moving at a constant rate.
  private void steadyHours(
      Instant from, double meterW, double chargeWhPerHour, double dischargeWhPerHour) {
    for (long t = 0; t < 7200; t += 10) {
      recorder.recordTelemetry(
          new TelemetrySample(
              ONE,
              from.plusSeconds(t),
              true,
              Optional.of(Percent.of(50)),
              Optional.of(Watts.of(0)),
              Optional.of(Watts.of(meterW)),
              Optional.empty(),
              Optional.empty(),
              Optional.of(WattHours.of(10_000 + chargeWhPerHour * t / 3600.0)),
              Optional.of(WattHours.of(20_000 + dischargeWhPerHour * t / 3600.0))));
    }
  }

  private JsonNode get(String pathAndQuery) throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
