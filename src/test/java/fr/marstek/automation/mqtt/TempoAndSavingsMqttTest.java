package fr.marstek.automation.mqtt;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.history.HistoryRecorder;
import fr.marstek.automation.history.TelemetrySample;
import fr.marstek.automation.history.TempoDayRecord;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Tempo and savings in Home Assistant, over a real Mosquitto: today is red and tomorrow white
 * according to a real local HTTP server playing api-couleur-tempo.fr, and history holds two days
 * the batteries worked (a red day in December, a blue day in January). The one configured battery
 * never answers, so nothing but those two days counts.
 */
@ServiceTest(
    webEnvironment = WebEnvironment.MOCK,
    properties = {
      "MARSTEK_REQUEST_GAP_MS=10",
      "MARSTEK_READ_TIMEOUT_MS=100",
      "MARSTEK_READ_RETRIES=0",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "OFFLINE_AFTER_FAILED_POLLS=1",
      "MQTT_STATE_INTERVAL_SECONDS=5",
      "TEMPO_PROVIDERS=couleur-tempo",
      "MARSTEK_SEND_GAP_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
class TempoAndSavingsMqttTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final BatteryId ONE = BatteryId.of(1);
  private static final LocalDate RED_DAY = LocalDate.parse("2025-12-15");
  private static final LocalDate BLUE_DAY = LocalDate.parse("2026-01-10");
  private static final MutableClock CLOCK = MutableClock.atParis("2026-01-28T12:00:00");

  static final LocalHttpServer COULEUR = new LocalHttpServer();
  private static Mosquitto broker;
  private static boolean seeded;

  static {
    COULEUR.always(
        "/api/jourTempo/2026-01-28",
        Reply.json(200, "{\"dateJour\":\"2026-01-28\",\"codeJour\":3}"));
    COULEUR.always(
        "/api/jourTempo/2026-01-29",
        Reply.json(200, "{\"dateJour\":\"2026-01-29\",\"codeJour\":2}"));
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource tempoTestClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.start();
    registry.add("MQTT_URL", broker::url);
    registry.add("TEMPO_COULEUR_API_URL", () -> COULEUR.url("/api").toString());
    int silentPort;
    try (var probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      silentPort = probe.getLocalPort();
    }
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(silentPort));
    var dir = Files.createTempDirectory("mqtt-tempo");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopPeers() throws Exception {
    broker.close();
    COULEUR.close();
  }

  @Autowired ObjectMapper json;
  @Autowired HistoryRecorder recorder;
  @Autowired TempoPrices prices;
  @Autowired ApplicationContext context;
  private Subscriber ha;

  @BeforeEach
  void seedHistoryAndConnectHomeAssistant() throws Exception {
    if (!seeded) {
      seedTwoWorkingDays();
      seeded = true;
    }
    ha = new Subscriber(broker.pahoUri()).listen("#");
  }

  @AfterEach
  void disconnectHomeAssistant() throws Exception {
    ha.close();
    CLOCK.setParis("2026-01-28T12:00:00");
  }

  /**
   * The red day: 1 kWh delivered in peak hours. The blue day: 1 kWh delivered in peak hours and 1
   * kWh charged off-peak (02:00, still the blue Tempo day). No meter reading, so nothing imported.
   */
  private void seedTwoWorkingDays() {
    recorder.recordTempoDay(new TempoDayRecord(RED_DAY, Optional.of("RED"), Optional.empty()));
    recorder.recordTempoDay(new TempoDayRecord(BLUE_DAY, Optional.of("BLUE"), Optional.empty()));
    sample("2025-12-15T18:00:00", 500, 1000);
    sample("2025-12-15T18:40:00", 500, 2000);
    sample("2026-01-10T18:00:00", 500, 2000);
    sample("2026-01-10T18:40:00", 500, 3000);
    sample("2026-01-11T02:00:00", 500, 3000);
    sample("2026-01-11T02:40:00", 1500, 3000);
    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
  }

  private void sample(String parisTime, double chargedWh, double dischargedWh) {
    Instant at = LocalDateTime.parse(parisTime).atZone(PARIS).toInstant();
    recorder.recordTelemetry(
        new TelemetrySample(
            ONE,
            at,
            true,
            Optional.of(Percent.of(50)),
            Optional.of(Watts.of(0)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(WattHours.of(chargedWh)),
            Optional.of(WattHours.of(dischargedWh))));
  }

  private JsonNode jsonOn(String topic) {
    return json.readTree(
        ha.last(topic).orElseThrow(() -> new AssertionError("nothing on " + topic)));
  }

  @Test
  void announcesTempoAndSavingsSensorsWithUniqueIdsOnTheServiceDevice() {
    List<String> sensors =
        List.of(
            "tempo_today",
            "tempo_tomorrow",
            "tempo_period",
            "tempo_blue_days_left",
            "tempo_white_days_left",
            "tempo_red_days_left",
            "tempo_price",
            "savings_month",
            "savings_season");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (String sensor : sensors) {
                JsonNode config = jsonOn("homeassistant/sensor/marstek/" + sensor + "/config");
                assertThat(config.get("unique_id").asString()).isEqualTo("marstek_" + sensor);
                assertThat(config.get("availability_topic").asString()).isEqualTo("marstek/status");
                assertThat(config.get("device").get("identifiers").get(0).asString())
                    .isEqualTo("marstek_service");
                assertThat(config.get("value_template").asString()).contains("value_json.");
              }
              JsonNode today = jsonOn("homeassistant/sensor/marstek/tempo_today/config");
              assertThat(today.get("state_topic").asString()).isEqualTo("marstek/tempo/state");
              assertThat(today.get("device_class").asString()).isEqualTo("enum");
              assertThat(today.get("options").valueStream().map(JsonNode::asString))
                  .containsExactly("BLUE", "WHITE", "RED", "UNKNOWN");
              assertThat(today.get("icon").asString()).startsWith("mdi:");
              assertThat(
                      jsonOn("homeassistant/sensor/marstek/tempo_period/config")
                          .get("options")
                          .valueStream()
                          .map(JsonNode::asString))
                  .containsExactly("PEAK", "OFF_PEAK");
              JsonNode price = jsonOn("homeassistant/sensor/marstek/tempo_price/config");
              assertThat(price.get("unit_of_measurement").asString()).isEqualTo("EUR/kWh");
              assertThat(price.get("state_topic").asString()).isEqualTo("marstek/tempo/state");
              JsonNode month = jsonOn("homeassistant/sensor/marstek/savings_month/config");
              assertThat(month.get("state_topic").asString()).isEqualTo("marstek/savings/state");
              assertThat(month.get("device_class").asString()).isEqualTo("monetary");
              assertThat(month.get("unit_of_measurement").asString()).isEqualTo("EUR");
            });
    // Home Assistant drops an entity whose unique_id another one already uses.
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, String> e : ha.all().entrySet()) {
      if (e.getKey().startsWith("homeassistant/") && !e.getValue().isEmpty()) {
        ids.add(json.readTree(e.getValue()).get("unique_id").asString());
      }
    }
    Set<String> unique = new HashSet<>(ids);
    assertThat(unique).hasSameSizeAs(ids).hasSizeGreaterThan(sensors.size());
  }

  @Test
  void publishesTodaysAndTomorrowsColourThePeriodAndTheDaysLeft() {
    TempoSeason season = TempoSeason.of(LocalDate.parse("2026-01-28"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode tempo = jsonOn("marstek/tempo/state");
              assertThat(tempo.get("today").asString()).isEqualTo("RED");
              assertThat(tempo.get("tomorrow").asString()).isEqualTo("WHITE");
              assertThat(tempo.get("today_date").asString()).isEqualTo("2026-01-28");
              assertThat(tempo.get("period").asString()).isEqualTo("PEAK");
              assertThat(tempo.get("season").asString()).isEqualTo("2025-2026");
              // Red: 15 December and today; blue: 10 January; tomorrow never counts.
              assertThat(tempo.get("red_days_left").asInt())
                  .isEqualTo(season.quota(TempoColour.RED) - 2);
              assertThat(tempo.get("white_days_left").asInt())
                  .isEqualTo(season.quota(TempoColour.WHITE));
              assertThat(tempo.get("blue_days_left").asInt())
                  .isEqualTo(season.quota(TempoColour.BLUE) - 1);
              assertThat(tempo.get("season_complete").asBoolean()).isFalse();
              // a red day's peak hour, in the grid in force that day
              assertThat(tempo.get("price_eur_kwh").asDouble())
                  .isEqualTo(
                      fr.marstek.automation.tariff.tempo.TempoPrices.defaults()
                          .gridOn(LocalDate.parse("2026-01-28"))
                          .orElseThrow()
                          .price(TempoColour.RED, false)
                          .eurPerKwh());
            });
  }

  @Test
  void theOffPeakPeriodIsPublishedSoonAfter22h() {
    await()
        .atMost(PATIENCE)
        .until(() -> ha.last("marstek/tempo/state").orElse("").contains("\"PEAK\""));

    CLOCK.setParis("2026-01-28T22:00:30");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode tempo = jsonOn("marstek/tempo/state");
              assertThat(tempo.get("period").asString()).isEqualTo("OFF_PEAK");
              assertThat(tempo.get("today").asString()).isEqualTo("RED");
            });
  }

  @Test
  void publishesThisMonthsAndThisSeasonsSavingsFromHistory() {
    TempoPriceGrid december = prices.gridOn(RED_DAY).orElseThrow();
    TempoPriceGrid january = prices.gridOn(BLUE_DAY).orElseThrow();
    double blueDay =
        january.price(TempoColour.BLUE, false).eurPerKwh()
            - january.price(TempoColour.BLUE, true).eurPerKwh();
    double redDay = december.price(TempoColour.RED, false).eurPerKwh();

    // History rolls up 20 s after start and every 5 minutes: run that turn now; the next state
    // heartbeat publishes what it summed.
    runHistoryRollup();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode savings = jsonOn("marstek/savings/state");
              assertThat(savings.get("month").asString()).isEqualTo("2026-01");
              assertThat(savings.get("season").asString()).isEqualTo("2025-2026");
              assertThat(savings.get("month_saved_eur").asDouble())
                  .isCloseTo(blueDay, within(0.006));
              assertThat(savings.get("season_saved_eur").asDouble())
                  .isCloseTo(blueDay + redDay, within(0.006));
              assertThat(savings.get("season_paid_eur").asDouble()).isZero();
            });
  }

  /** Runs the history's scheduled rollup now rather than at its first turn, 20 s after start. */
  private void runHistoryRollup() {
    context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
        .flatMap(holder -> holder.getScheduledTasks().stream())
        .filter(task -> task.toString().contains("rollUp"))
        .findFirst()
        .orElseThrow()
        .getTask()
        .getRunnable()
        .run();
  }
}
