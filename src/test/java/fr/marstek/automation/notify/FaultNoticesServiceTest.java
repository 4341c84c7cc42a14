package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.RetryPolicy;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.history.ConnectivityChange;
import fr.marstek.automation.history.HistoryQueries;
import fr.marstek.automation.history.HistoryRecorder;
import fr.marstek.automation.simulator.Faults;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each battery fault of the simulator over a night of the whole service: a simulated Venus E over
 * UDP, history on a fresh SQLite file, every notice read where a JSON webhook receives it. Control
 * cycles every 30 s of clock time ({@code CONTROL_ENABLED=false}, {@link
 * FleetObserver#observeOnce()}, then {@link Watches#tick()}); notification and offline settings are
 * the defaults. Each test is one night on its own date, in order, on the same service; each counts
 * only the notices and history of its own night.
 */
@ServiceTest(
    properties = {
      "CONTROL_ENABLED=false",
      "STRATEGY=fixed",
      "TEMPO_ENABLED=false",
      "TEMPO_RTE_PUBLIC_URL=http://127.0.0.1:9/never-called",
      "TEMPO_COULEUR_API_URL=http://127.0.0.1:9/never-called",
      // No pacing, short timeouts: a silent hour costs 120 failed polls of 3 x 60 ms.
      "MARSTEK_REQUEST_GAP_MS=0",
      "MARSTEK_SEND_GAP_MS=0",
      "MARSTEK_STAGGER_GAP_MS=0",
      "MARSTEK_RETRY_BACKOFF_MS=0",
      "MARSTEK_READ_TIMEOUT_MS=60",
      "MARSTEK_WRITE_TIMEOUT_MS=120",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "NOTIFICATION_LANGUAGE=fr",
      "NOTIFY_ATTEMPTS=1",
      "POLL_INTERVAL_SECONDS="
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultNoticesServiceTest {

  static final Duration CYCLE = Duration.ofSeconds(30);

  /** As FaultsOverUdpTest.BOUND: the longest retry wait plus one poll. */
  static final Duration BOUND = RetryPolicy.standard().driftedWait().plus(CYCLE);

  static final BatteryId ONE = new BatteryId("1");
  static final String OFFLINE = "Batterie 1 hors ligne";
  static final String BACK = "Batterie 1 de retour";
  static final String DRIFT = "Batterie 1 : mode non appliqué";
  static final String API_SILENT = "Batterie 1 : API locale coupée ?";
  static final String RESET = "Batterie 1 réinitialisée ?";

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final MutableClock CLOCK = MutableClock.atParis("2026-11-30T21:40:00");
  static final SimulatedDevice BATTERY =
      SimulatedDevice.start(
          SimulatorOptions.defaults()
              .withBindAddress(InetAddress.getLoopbackAddress())
              .withPort(0)
              .withSeed(1)
              .withInitialSoc(Percent.of(20))
              .withLoad(HouseholdLoad.constant(Watts.of(400))),
          CLOCK);
  static final HttpSink SINK = HttpSink.started();

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(BATTERY.address().getPort()));
    registry.add("NOTIFICATION_URLS", () -> "json://127.0.0.1:" + SINK.port() + "/hook");
    registry.add("DATABASE_URL", () -> "");
    registry.add("DATABASE_FILE", FaultNoticesServiceTest::freshDatabaseFile);
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource faultNoticesTestClock() {
      return CLOCK;
    }
  }

  @AfterAll
  static void stopPeers() {
    BATTERY.close();
    SINK.close();
  }

  @Autowired Watches watches;
  @Autowired FleetObserver observer;
  @Autowired HistoryQueries history;
  @Autowired HistoryRecorder recorder;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  /** What one night left behind: the true modes sampled each cycle, notices, history. */
  private record Night(
      String name,
      Instant from,
      Instant to,
      List<Sample> samples,
      List<String> notices,
      List<ConnectivityChange> links,
      List<JsonNode> modes,
      List<JsonNode> commands) {

    long count(String title) {
      return notices.stream().filter(title::equals).count();
    }

    long offlineRecords() {
      return links.stream().filter(c -> !c.online()).count();
    }

    long onlineRecords() {
      return links.stream().filter(ConnectivityChange::online).count();
    }

    /** The line docs/RELIABILITY.md quotes. */
    void print() {
      System.out.printf(
          "FaultNoticesServiceTest: %s -> offline %d, api_silent %d, back %d, drift %d, reset %d,"
              + " other %d; history: offline %d, online %d, mode changes %d, commands %d%n",
          name,
          count(OFFLINE),
          count(API_SILENT),
          count(BACK),
          count(DRIFT),
          count(RESET),
          notices.size()
              - count(OFFLINE)
              - count(API_SILENT)
              - count(BACK)
              - count(DRIFT)
              - count(RESET),
          offlineRecords(),
          onlineRecords(),
          modes.size(),
          commands.size());
    }
  }

  private record Sample(LocalDateTime at, DeviceMode mode) {}

  @Test
  @Order(1)
  void thirtyPercentOfRequestsLostTellsEachOutageOnceAndItsEnd() throws Exception {
    Night night = night("2026-12-01", "loss 30 %", "21:50", "22:20", "22:30", f -> f.lossRate(0.3));

    assertRightFrom(night, "22:00");
    assertEveryOutageToldOnceWithItsEnd(night);
    assertThat(night.notices()).doesNotContain(DRIFT, API_SILENT, RESET);
  }

  @Test
  @Order(2)
  void seventyPercentOfRequestsLostTellsEachOutageOnceAndItsEnd() throws Exception {
    Night night = night("2026-12-02", "loss 70 %", "21:50", "22:20", "22:30", f -> f.lossRate(0.7));

    assertRightFrom(night, "22:00");
    assertEveryOutageToldOnceWithItsEnd(night);
    assertThat(night.notices()).doesNotContain(DRIFT, API_SILENT, RESET);
  }

  @Test
  @Order(3)
  void garbageRepliesOverTheSwitchAreOneOutageToldOnce() throws Exception {
    Night night =
        night("2026-12-03", "garbage", "21:55", "22:10", "22:30", f -> f.garbageReplies(true));

    assertRightFrom(night, "22:10");
    assertThat(night.notices()).containsExactlyInAnyOrder(OFFLINE, BACK);
    assertEveryOutageToldOnceWithItsEnd(night);
  }

  @Test
  @Order(4)
  void repliesLaterThanTheTimeoutOverTheSwitchAreOneOutageToldOnce() throws Exception {
    Night night =
        night(
            "2026-12-04",
            "replies late",
            "21:55",
            "22:10",
            "22:30",
            f -> f.replyDelay(Duration.ofMillis(150))); // the read timeout is 60 ms

    assertRightFrom(night, "22:10");
    assertThat(night.notices()).containsExactlyInAnyOrder(OFFLINE, BACK);
    assertEveryOutageToldOnceWithItsEnd(night);
  }

  @Test
  @Order(5)
  void anHourOfSilenceIsToldOfflineThenApiSilentThenBackOnceEach() throws Exception {
    Night night =
        night("2026-12-05", "API silent", "21:50", "22:50", "23:10", f -> f.apiDisabled(true));

    assertRightFrom(night, "22:50");
    assertThat(night.notices()).containsExactlyInAnyOrder(OFFLINE, API_SILENT, BACK);
    assertEveryOutageToldOnceWithItsEnd(night);
  }

  @Test
  @Order(6)
  void setsRefusedOverTheSwitchAreOneDriftToldOnceAndEveryRefusalIsRecorded() throws Exception {
    Night night =
        night("2026-12-06", "sets refused", "21:50", "22:20", "22:40", f -> f.rejectSets(true));

    assertRightFrom(night, "22:20");
    assertThat(night.notices()).containsExactly(DRIFT);
    List<JsonNode> refused =
        night.commands().stream().filter(c -> text(c, "outcome").equals("REJECTED")).toList();
    assertThat(refused)
        .as("every command before 22:20 refused and recorded, some after the drift was told")
        .hasSizeGreaterThan(RetryPolicy.standard().attemptsBeforeDrift())
        .allSatisfy(c -> assertThat(at(c)).isBefore(paris("2026-12-06T22:20")));
    assertThat(night.commands())
        .filteredOn(c -> !at(c).isBefore(paris("2026-12-06T22:20")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(text(c, "outcome")).isEqualTo("ACCEPTED"));
  }

  @Test
  @Order(7)
  void aFactoryResetInTheNightIsToldOnceWhenTheApiIsBack() throws Exception {
    // Auto, slots gone, Open API off (spec 2.1) until switched on again in the Marstek app.
    Night night =
        night("2026-12-07", "factory reset", "23:00", "23:20", "23:50", Faults::resetToFactory);

    assertRightFrom(night, "23:20");
    assertThat(night.samples())
        .filteredOn(s -> s.at().isAfter(LocalDateTime.parse("2026-12-07T22:00").plus(BOUND)))
        .filteredOn(s -> s.at().isBefore(LocalDateTime.parse("2026-12-07T23:00")))
        .allSatisfy(s -> assertThat(s.mode()).isEqualTo(DeviceMode.MANUAL));
    assertThat(night.notices()).containsExactlyInAnyOrder(OFFLINE, BACK, RESET);
    assertEveryOutageToldOnceWithItsEnd(night);
    List<JsonNode> afterwards =
        night.modes().stream().filter(m -> !at(m).isBefore(paris("2026-12-07T23:20"))).toList();
    // Both are stamped at the same instant (the test clock stands still within a cycle), so
    // history may list them either way round.
    assertThat(afterwards)
        .as("the reset seen as the battery's own change, then undone")
        .extracting(m -> text(m, "from") + ">" + text(m, "to") + " " + text(m, "cause"))
        .containsExactlyInAnyOrder("MANUAL>AUTO DEVICE", "AUTO>MANUAL DRIFT_CORRECTION");
  }

  /**
   * From 21:40 the battery is settled in Auto at 20 %; {@code fault} is switched on at {@code
   * faultFrom} and every fault off at {@code faultTo}; cycles go on until {@code end}.
   */
  private Night night(
      String day,
      String fault,
      String faultFrom,
      String faultTo,
      String end,
      Consumer<Faults> switchOn)
      throws Exception {
    CLOCK.setParis(day + "T21:40:00");
    BATTERY.faults().reset();
    BATTERY.battery().setSoc(Percent.of(20));
    cycleUntil(day + "T21:50:00", at -> {});
    assertThat(BATTERY.battery().mode()).as("settled in Auto by day").isEqualTo(DeviceMode.AUTO);
    assertThat(observer.health(ONE).online()).isTrue();
    int firstNotice = quietNotices().size();
    Instant from = CLOCK.instant();

    var on = LocalDateTime.parse(day + "T" + faultFrom);
    var off = LocalDateTime.parse(day + "T" + faultTo);
    List<Sample> samples =
        cycleUntil(
            day + "T" + end,
            at -> {
              if (at.equals(on)) {
                switchOn.accept(BATTERY.faults());
              } else if (at.equals(off)) {
                BATTERY.faults().reset();
              }
            });

    Instant to = CLOCK.instant();
    assertThat(recorder.flush(Duration.ofSeconds(20))).as("history committed").isTrue();
    List<String> all = quietNotices();
    Night night =
        new Night(
            fault + " " + faultFrom + "-" + faultTo,
            from,
            to,
            samples,
            all.subList(firstNotice, all.size()),
            history.connectivity(Optional.of(ONE), from, to),
            historyRoute("modes", from, to),
            historyRoute("commands", from, to));
    night.print();
    return night;
  }

  private List<Sample> cycleUntil(String parisEnd, Consumer<LocalDateTime> before)
      throws InterruptedException {
    List<Sample> samples = new ArrayList<>();
    Instant end = paris(parisEnd);
    while (CLOCK.instant().isBefore(end)) {
      LocalDateTime at = LocalDateTime.ofInstant(CLOCK.instant(), PARIS);
      before.accept(at);
      observer.observeOnce();
      watches.tick();
      samples.add(new Sample(at, BATTERY.battery().mode()));
      CLOCK.advance(CYCLE);
    }
    return samples;
  }

  /** Before 22:00 always Auto; from {@code time} (22:00 at the earliest) + the bound, Manual. */
  private static void assertRightFrom(Night night, String time) {
    LocalDateTime ten = LocalDateTime.ofInstant(night.from(), PARIS).withHour(22).withMinute(0);
    LocalDateTime from = LocalDateTime.of(ten.toLocalDate(), LocalTime.parse(time));
    assertThat(night.samples())
        .filteredOn(s -> s.at().isBefore(ten))
        .allSatisfy(s -> assertThat(s.mode()).isEqualTo(DeviceMode.AUTO));
    assertThat(night.samples())
        .filteredOn(s -> !s.at().isBefore(from.plus(BOUND)))
        .as("Manual from %s at the latest", from.plus(BOUND))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.mode()).isEqualTo(DeviceMode.MANUAL));
  }

  /**
   * Each outage recorded in history is told once, and so is its end; the night ends with the
   * battery answering, so every offline has its back.
   */
  private void assertEveryOutageToldOnceWithItsEnd(Night night) {
    assertThat(observer.health(ONE).online()).as("answering at the end").isTrue();
    assertThat(night.links())
        .extracting(ConnectivityChange::online)
        .as("offline and online alternate in history, starting offline")
        .satisfies(
            flags -> {
              for (int i = 0; i < flags.size(); i++) {
                assertThat(flags.get(i)).as("record %d", i).isEqualTo(i % 2 == 1);
              }
            });
    assertThat(night.onlineRecords()).isEqualTo(night.offlineRecords());
    assertThat(night.count(OFFLINE)).as("offline notices").isEqualTo(night.offlineRecords());
    assertThat(night.count(BACK)).as("back notices").isEqualTo(night.onlineRecords());
  }

  private List<JsonNode> historyRoute(String route, Instant from, Instant to) throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/v1/history/"
                        + route
                        + "?battery=1&from="
                        + from
                        + "&to="
                        + to))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    JSON.readTree(response.body()).forEach(rows::add);
    return rows;
  }

  /** Every title received so far, once no new one has come for half a second. */
  private static List<String> quietNotices() {
    int[] seen = {-1};
    await()
        .pollInterval(Duration.ofMillis(500))
        .atMost(HttpSink.patience())
        .until(
            () -> {
              int now = SINK.received().size();
              boolean quiet = now == seen[0];
              seen[0] = now;
              return quiet;
            });
    return SINK.received().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(r -> JSON.readTree(r.body()).get("title").asString())
        .toList();
  }

  private static String text(JsonNode row, String field) {
    return row.get(field).asString();
  }

  private static Instant at(JsonNode row) {
    return Instant.parse(text(row, "at"));
  }

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  private static String freshDatabaseFile() {
    try {
      return Files.createTempDirectory("fault-notices").resolve("history.db").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
