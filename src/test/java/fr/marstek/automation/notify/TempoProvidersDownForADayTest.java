package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.provider.ManualTempoPolling;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.PhraseFormat;
import fr.marstek.automation.units.Watts;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Tempo provider down for a day, the whole service running: RTE answers 503, RTE's public
 * JSON answers an HTML page, api-couleur-tempo's port is closed, from Thursday 9 January 2025 06:00
 * to Friday 07:00 (Paris). A simulated Venus E over UDP, a fresh SQLite history, the notices read
 * at a real JSON webhook. The test stands in for the schedulers on its clock: a control cycle every
 * 5 minutes, the Tempo poller when it asked to be called, the watches after both. Dates and colours
 * are those of the fixtures (real history: Thursday WHITE, Friday RED, Saturday BLUE).
 */
@ServiceTest(
    properties = {
      "CONTROL_ENABLED=false",
      "STRATEGY=tempo",
      "TEMPO_PROVIDERS=rte,rte-public,couleur-tempo",
      "RTE_CLIENT_ID=client-id-1",
      "RTE_CLIENT_SECRET=s3cr3t-client-secret-value",
      "TEMPO_HTTP_TIMEOUT_SECONDS=5",
      // no pacing: the clock only moves when the test moves it
      "MARSTEK_REQUEST_GAP_MS=0",
      "MARSTEK_SEND_GAP_MS=0",
      "MARSTEK_STAGGER_GAP_MS=0",
      "MARSTEK_WRITE_TIMEOUT_MS=600",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "NOTIFICATION_LANGUAGE=fr",
      // a flood must show in the counts, not be cut by the hourly budget
      "NOTIFY_MAX_PER_HOUR=1000",
      "NOTIFY_ATTEMPTS=1",
      "NOTIFY_TEMPO_UNKNOWN_AT=20:00",
      "NOTIFY_CHARGE_CHECK_FROM=03:00",
      "POLL_INTERVAL_SECONDS="
    })
@ExtendWith(OutputCaptureExtension.class)
class TempoProvidersDownForADayTest {

  static final Duration CYCLE = Duration.ofMinutes(5);
  static final BatteryId BATTERY_ID = new BatteryId("1");
  static final String RTE_CALENDARS =
      "/open_api/tempo_like_supply_contract/v1/tempo_like_calendars";

  // Thursday 05:30 is still Wednesday's Tempo day: the start-up poll learns Wednesday and Thursday.
  static final String START = "2025-01-09T05:30";
  static final String ALL_DOWN = "2025-01-09T06:00";
  static final String COULEUR_BACK = "2025-01-10T07:00";
  static final String RTE_BACK = "2025-01-10T07:40";
  static final String END = "2025-01-10T08:30";
  static final MutableClock CLOCK = MutableClock.atParis(START);
  static final LocalHttpServer RTE = new LocalHttpServer();
  static final LocalHttpServer RTE_PUBLIC = new LocalHttpServer();
  static final int COULEUR_PORT = LocalHttpServer.closedPort();
  static final SimulatedDevice BATTERY =
      SimulatedDevice.start(
          SimulatorOptions.defaults()
              .withBindAddress(InetAddress.getLoopbackAddress())
              .withPort(0)
              .withInitialSoc(Percent.of(80))
              .withLoad(HouseholdLoad.constant(Watts.of(300))),
          CLOCK);
  static final HttpSink SINK = HttpSink.started();
  static LocalHttpServer couleur;

  static {
    rteAndPublicAnswer(); // until Thursday 06:00
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) throws java.io.IOException {
    String database = Files.createTempDirectory("tempo-down").resolve("history.db").toString();
    registry.add("TEMPO_RTE_API_URL", () -> RTE.url("/open_api/tempo_like_supply_contract/v1"));
    registry.add("TEMPO_RTE_TOKEN_URL", () -> RTE.url("/token/oauth/"));
    registry.add("TEMPO_RTE_PUBLIC_URL", () -> RTE_PUBLIC.url("/cms/open_data/v1"));
    registry.add("TEMPO_COULEUR_API_URL", () -> "http://127.0.0.1:" + COULEUR_PORT + "/api");
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(BATTERY.address().getPort()));
    registry.add("NOTIFICATION_URLS", () -> "json://127.0.0.1:" + SINK.port() + "/hook");
    registry.add("DATABASE_URL", () -> "");
    registry.add("DATABASE_FILE", () -> database);
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource tempoDownTestClock() {
      return CLOCK;
    }
  }

  @AfterAll
  static void stopPeers() {
    BATTERY.close();
    RTE.close();
    RTE_PUBLIC.close();
    if (couleur != null) {
      couleur.close();
    }
    SINK.close();
  }

  /** What the test saw at the end of one control cycle. */
  record Cycle(
      LocalDateTime paris,
      boolean online,
      DeviceMode mode,
      double acPower,
      double soc,
      Class<?> intent,
      String reason,
      String today,
      String tomorrow,
      String unknownReason,
      Map<String, Integer> failuresInARow,
      String health) {

    boolean peak() {
      return paris.getHour() >= 6 && paris.getHour() < 22;
    }

    boolean within(String from, String to) {
      return !paris.isBefore(LocalDateTime.parse(from)) && paris.isBefore(LocalDateTime.parse(to));
    }
  }

  /** One poll of the colour providers and what the service knew after it. */
  record Poll(LocalDateTime paris, boolean sourcesFailing, String today, String tomorrow) {}

  @LocalServerPort int port;
  @Autowired FleetObserver observer;
  @Autowired Automation automation;
  @Autowired TempoColours colours;
  @Autowired Watches watches;
  @Autowired ApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<Cycle> cycles = new ArrayList<>();
  private final List<Poll> polls = new ArrayList<>();
  private final Map<Integer, Integer> answers = new TreeMap<>();
  private ManualTempoPolling polling;
  private Instant nextPoll;
  private Instant nextCycle;

  @Test
  void controlGoesOnAndEachOutageIsToldOnceWhileNoTempoProviderAnswersForADay(CapturedOutput output)
      throws Exception {
    long wallStart = System.nanoTime();
    polling = ManualTempoPolling.takeOver(context);
    watches.stop(); // ticked by the test, on its clock
    nextPoll = polling.nextPollAt().orElseThrow();
    nextCycle = CLOCK.instant();

    runUntil(ALL_DOWN);
    allProvidersFail();
    runUntil(COULEUR_BACK);
    couleurComesBack();
    runUntil(RTE_BACK);
    rteAndPublicAnswer();
    runUntil(END);
    List<JsonNode> notices = noticesReceived();
    Duration todayAfter = colourKnownAgain(COULEUR_BACK, Poll::today, "RED");
    Duration tomorrowAfter = colourKnownAgain(RTE_BACK, Poll::tomorrow, "BLUE");
    printCounts(notices, todayAfter, tomorrowAfter, wallStart);

    assertThat(cycles).as("a cycle every 5 min, 27 h").hasSize(27 * 12);
    assertThat(cycles)
        .as("the battery answered and the service said UP at every cycle")
        .allSatisfy(
            c -> {
              assertThat(c.online()).as(c.toString()).isTrue();
              assertThat(c.health()).as(c.toString()).isEqualTo("UP");
            });
    controlFollowsTheWorstCaseWhileTheColourIsUnknown();
    theColourIsShownUnknownWithTheReasonAndNeverA5xx();
    eachOutageIsToldOnce(notices);
    // at the first provider back the poller was in its longest backoff; later, not failing
    assertThat(todayAfter).isLessThanOrEqualTo(ManualTempoPolling.longestRetry());
    assertThat(tomorrowAfter)
        .isLessThanOrEqualTo(ManualTempoPolling.waiting().plus(ManualTempoPolling.jitter()));
    assertThat(cycles.getLast().failuresInARow())
        .as("every provider answered again")
        .containsOnlyKeys("rte", "rte-public", "couleur-tempo")
        .allSatisfy((name, failures) -> assertThat(failures).isZero());
    assertThat(output.getAll())
        .as("the log is captured")
        .contains("Tempo provider rte failed, trying the next one");
    assertThat(output.getAll().lines())
        .as("nothing logged as an error, no stack trace")
        .noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat "));
  }

  private void printCounts(
      List<JsonNode> notices, Duration todayAfter, Duration tomorrowAfter, long wallStart) {
    System.out.printf(
        "TempoProvidersDownForADayTest: %s to %s Paris, all 3 providers down %s to %s: %d control"
            + " cycles over UDP, %d Tempo polls (%d with every provider failing; failures in a row"
            + " at the end %s), %d API reads %s; notices %s (%d in all); today's colour known %d"
            + " min after the first provider came back, tomorrow's %d min after the others; wall"
            + " %.1f s%n",
        START,
        END,
        ALL_DOWN,
        COULEUR_BACK,
        cycles.size(),
        polls.size(),
        polls.stream().filter(Poll::sourcesFailing).count(),
        lastCycleBefore(COULEUR_BACK).failuresInARow(),
        answers.values().stream().mapToInt(Integer::intValue).sum(),
        answers,
        byTitle(notices),
        notices.size(),
        todayAfter.toMinutes(),
        tomorrowAfter.toMinutes(),
        (System.nanoTime() - wallStart) / 1e9);
  }

  /**
   * Thursday is known WHITE, Friday is not: the plan takes Friday for red (its worst case), so the
   * battery fills in Thursday night's off-peak hours and covers the house from 06:00 on Friday.
   */
  private void controlFollowsTheWorstCaseWhileTheColourIsUnknown() {
    String assumption =
        "Colour of Friday 10 January not published: planning for a red day (worst case)";
    assertThat(cycles)
        .as("the battery does what control wants, every cycle")
        .allSatisfy(TempoProvidersDownForADayTest::batteryDoesWhatControlWants);
    assertThat(cycles.stream().filter(Cycle::peak))
        .as("no grid charging in peak hours")
        .allSatisfy(c -> assertThat(c.acPower()).as(c.toString()).isGreaterThanOrEqualTo(0));

    List<Cycle> night =
        cycles.stream().filter(c -> c.within("2025-01-09T22:00", "2025-01-10T06:00")).toList();
    assertThat(night)
        .hasSize(8 * 12)
        .allSatisfy(
            c -> {
              assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.MANUAL);
              assertThat(c.reason()).as(c.toString()).startsWith(assumption);
            });
    assertThat(night.stream().filter(c -> c.intent() == Intent.GridCharge.class))
        .as("charging from the grid at off-peak price")
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.acPower()).as(c.toString()).isLessThan(-2000));
    assertThat(night.getLast().soc()).as("full before the day that may be red").isEqualTo(100);

    List<Cycle> unknownDay =
        cycles.stream().filter(c -> c.within("2025-01-10T06:00", END)).toList();
    assertThat(unknownDay.stream().filter(c -> c.today().equals("UNKNOWN")))
        .as("Friday's peak while its colour is unknown")
        .hasSizeGreaterThanOrEqualTo(12)
        .allSatisfy(
            c -> {
              assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.AUTO);
              assertThat(c.acPower()).as(c.toString()).isEqualTo(300);
              assertThat(c.reason()).as(c.toString()).startsWith(assumption);
            });
    assertThat(unknownDay)
        .as("and once it is known RED")
        .allSatisfy(c -> assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.AUTO));
  }

  private static void batteryDoesWhatControlWants(Cycle c) {
    if (c.intent() == Intent.SelfConsumption.class) {
      assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.AUTO);
    } else if (c.intent() == Intent.GridCharge.class) {
      assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.MANUAL);
      assertThat(c.acPower()).as(c.toString()).isNegative();
    } else {
      assertThat(c.intent()).as(c.toString()).isEqualTo(Intent.Idle.class);
      assertThat(c.mode()).as(c.toString()).isEqualTo(DeviceMode.MANUAL);
      assertThat(c.acPower()).as(c.toString()).isZero();
    }
  }

  /** From the first poll of the outage to the first after a provider is back. */
  private void theColourIsShownUnknownWithTheReasonAndNeverA5xx() {
    assertThat(answers).as("every GET /api/v1/tempo and /health").containsOnlyKeys(200);
    assertThat(cycles)
        .allSatisfy(
            c -> {
              if (c.today().equals("UNKNOWN") || c.tomorrow().equals("UNKNOWN")) {
                assertThat(c.unknownReason()).as(c.toString()).isNotBlank();
              }
            });
    LocalDateTime firstFailure =
        polls.stream().filter(Poll::sourcesFailing).findFirst().orElseThrow().paris();
    LocalDateTime firstAnswer = firstPollFrom(COULEUR_BACK).paris();
    List<Cycle> down =
        cycles.stream()
            .filter(c -> c.paris().isAfter(firstFailure) && c.paris().isBefore(firstAnswer))
            .toList();
    assertThat(down)
        .hasSizeGreaterThan(24 * 12)
        .allSatisfy(
            c -> {
              assertThat(c.tomorrow()).as(c.toString()).isEqualTo("UNKNOWN");
              assertThat(c.unknownReason())
                  .as(c.toString())
                  .startsWith("no provider could tell: ")
                  .contains(
                      "rte: RTE's API is under maintenance (HTTP 503)",
                      "rte-public: RTE public JSON answered something that is not JSON",
                      "couleur-tempo: api-couleur-tempo unreachable: ConnectException");
            });
    assertThat(
            down.stream().filter(c -> !c.paris().isBefore(LocalDateTime.parse("2025-01-10T06:00"))))
        .as("Friday, from 06:00")
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.today()).as(c.toString()).isEqualTo("UNKNOWN"));
  }

  /** How long after {@code back} a poll first knew the colour. */
  private Duration colourKnownAgain(String back, Function<Poll, String> colour, String expected) {
    LocalDateTime from = LocalDateTime.parse(back);
    Poll known =
        polls.stream()
            .filter(p -> !p.paris().isBefore(from) && colour.apply(p).equals(expected))
            .findFirst()
            .orElseThrow(() -> new AssertionError("colour never known again: " + polls));
    return Duration.between(from, known.paris());
  }

  private Poll firstPollFrom(String paris) {
    LocalDateTime from = LocalDateTime.parse(paris);
    return polls.stream().filter(p -> !p.paris().isBefore(from)).findFirst().orElseThrow();
  }

  /** Every message at the webhook, once deliveries have settled. */
  private List<JsonNode> noticesReceived() {
    await().atMost(HttpSink.patience()).until(() -> SINK.received().size() >= 5);
    // a repeat, or a notice sent at the last tick, would arrive within this second
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    return SINK.received().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(r -> json.readTree(r.body()))
        .toList();
  }

  private static Map<String, Long> byTitle(List<JsonNode> notices) {
    return notices.stream()
        .collect(
            Collectors.groupingBy(
                h -> h.path("title").asString(), TreeMap::new, Collectors.counting()));
  }

  /**
   * Each provider's outage is told once although it failed at every poll for a day; tomorrow's
   * colour unknown at 20:00 once; nothing else but Thursday's colour, learnt at start-up (05:30 is
   * still Wednesday's Tempo day). The service has no "provider back" notice: none is expected.
   */
  private void eachOutageIsToldOnce(List<JsonNode> notices) {
    assertThat(byTitle(notices))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Demain BLANC", 1L,
                "Source Tempo rte en échec", 1L,
                "Source Tempo rte-public en échec", 1L,
                "Source Tempo couleur-tempo en échec", 1L,
                "Couleur de demain inconnue", 1L));
    assertThat(notices)
        .filteredOn(h -> h.path("title").asString().startsWith("Source Tempo"))
        .allSatisfy(
            h ->
                assertThat(h.path("message").asString())
                    .contains(" a échoué 3 fois de suite (dernière à 06:")
                    .endsWith("Aucune autre source ne répond."));
    assertThat(notices)
        .filteredOn(h -> h.path("title").asString().equals("Couleur de demain inconnue"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.path("message").asString())
                    .isEqualTo(
                        "À 20:00, la couleur Tempo de vendredi 10/01 n'est toujours pas connue"
                            + " (les sources Tempo échouent). Un jour rouge reste possible : le"
                            + " plan le suppose rouge par prudence."));
    Cycle lastDown = lastCycleBefore(COULEUR_BACK);
    LocalDateTime from = LocalDateTime.parse(ALL_DOWN);
    long pollsDown =
        polls.stream()
            .filter(p -> p.paris().isAfter(from) && !p.paris().isAfter(lastDown.paris()))
            .count();
    assertThat(pollsDown).isGreaterThan(40);
    assertThat(lastDown.failuresInARow())
        .as("each provider failed at every poll of the day, and was told once")
        .allSatisfy((name, failures) -> assertThat(failures.longValue()).isEqualTo(pollsDown));
  }

  private Cycle lastCycleBefore(String paris) {
    LocalDateTime t = LocalDateTime.parse(paris);
    return cycles.stream().filter(c -> c.paris().isBefore(t)).toList().getLast();
  }

  /** RTE has only Thursday (its fixture); RTE's public season JSON has Wednesday to Sunday. */
  private static void rteAndPublicAnswer() {
    RTE.always("/token/oauth/", Reply.fixture("rte-token-200.json"));
    RTE.always(RTE_CALENDARS, Reply.fixture("rte-calendars-200-tomorrow-not-published.json"));
    RTE_PUBLIC.always("/cms/open_data/v1/tempoLight", Reply.fixture("rte-public-tempoLight.json"));
    RTE_PUBLIC.always("/cms/open_data/v1/tempo", Reply.fixture("rte-public-season-excerpt.json"));
  }

  /** RTE under maintenance, RTE's public site answering an HTML page; couleur's port is closed. */
  private static void allProvidersFail() {
    RTE.always("/token/oauth/", Reply.status(503));
    RTE.always(RTE_CALENDARS, Reply.status(503));
    Reply page = new Reply(200, "<html><body>Maintenance en cours</body></html>", Map.of());
    RTE_PUBLIC.always("/cms/open_data/v1/tempoLight", page);
    RTE_PUBLIC.always("/cms/open_data/v1/tempo", page);
  }

  /** Friday's colour by date (RED), Saturday's not yet (code 0). */
  private static void couleurComesBack() {
    couleur = new LocalHttpServer(COULEUR_PORT);
    couleur.always("/api/jourTempo/2025-01-10", Reply.fixture("acte-jourTempo-today.json"));
    couleur.always(
        "/api/jourTempo/2025-01-11", Reply.fixture("acte-jourTempo-tomorrow-unknown.json"));
  }

  /**
   * Runs what is due before {@code parisEnd} in time order: the polls the poller asked for, a
   * control cycle every 5 minutes; the watches look after each. Then sets the clock to the end.
   */
  private void runUntil(String parisEnd) throws Exception {
    Instant end = MutableClock.atParis(parisEnd).instant();
    while (nextPoll.isBefore(end) || nextCycle.isBefore(end)) {
      if (!nextPoll.isAfter(nextCycle)) {
        moveClockTo(nextPoll);
        poll();
      } else {
        moveClockTo(nextCycle);
        observer.observeOnce();
        watches.tick();
        cycles.add(sample());
        nextCycle = nextCycle.plus(CYCLE);
      }
    }
    moveClockTo(end);
  }

  private void poll() {
    Instant at = CLOCK.instant();
    nextPoll = polling.pollOnce();
    assertThat(nextPoll).as("the poller never asks again at once").isAfter(at);
    var outlook = colours.outlook();
    polls.add(
        new Poll(
            paris(at),
            outlook.sourcesFailing(),
            outlook.todayColour().name(),
            outlook.tomorrowColour().name()));
    watches.tick();
  }

  private Cycle sample() throws Exception {
    SimulatedBattery battery = BATTERY.battery();
    DesiredState desired = automation.view(BATTERY_ID).flatMap(ControlView::desired).orElseThrow();
    JsonNode tempo = json.readTree(get("/api/v1/tempo"));
    JsonNode health = json.readTree(get("/health"));
    Map<String, Integer> failures = new TreeMap<>();
    tempo
        .path("providers")
        .forEach(p -> failures.put(p.path("name").asString(), p.path("failures_in_a_row").asInt()));
    return new Cycle(
        paris(CLOCK.instant()),
        observer.health(BATTERY_ID).online(),
        battery.mode(),
        battery.acPower().value(),
        battery.soc().value(),
        desired.intent().getClass(),
        PhraseFormat.english(desired.reason()),
        tempo.path("today").path("colour").asString(),
        tempo.path("tomorrow").path("colour").asString(),
        tempo.path("unknown_reason").asString(""),
        failures,
        health.path("status").asString());
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    answers.merge(response.statusCode(), 1, Integer::sum);
    return response.body();
  }

  private static void moveClockTo(Instant target) {
    CLOCK.advance(Duration.between(CLOCK.instant(), target));
  }

  private static LocalDateTime paris(Instant t) {
    return LocalDateTime.ofInstant(t, PARIS);
  }
}
