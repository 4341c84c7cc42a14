package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.history.DaySavings;
import fr.marstek.automation.history.HistoryHealth;
import fr.marstek.automation.history.HistoryQueries;
import fr.marstek.automation.history.HistoryRecorder;
import fr.marstek.automation.history.PeakPrices;
import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.PlanSlot;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * One evening and night of the whole service, on the test clock: a simulated Venus E over UDP,
 * api-couleur-tempo served by a local HTTP server, the history on a fresh SQLite file, and every
 * notice read where a JSON webhook receives it. Control's loop is stepped by the test ({@code
 * CONTROL_ENABLED=false}, {@link FleetObserver#observeOnce()}); the watches by {@link
 * Watches#tick()} after each move of the clock. The steps run in order and share the story.
 */
@ServiceTest(
    webEnvironment = WebEnvironment.NONE,
    properties = {
      "CONTROL_ENABLED=false",
      "STRATEGY=tempo",
      "TEMPO_PROVIDERS=couleur-tempo",
      "MARSTEK_READ_TIMEOUT_MS=400",
      "MARSTEK_WRITE_TIMEOUT_MS=600",
      "MARSTEK_READ_RETRIES=0",
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "OFFLINE_AFTER_FAILED_POLLS=1",
      "NOTIFICATION_LANGUAGE=fr",
      "NOTIFY_MAX_PER_HOUR=1000",
      "NOTIFY_ATTEMPTS=1",
      "NOTIFY_DAILY_SUMMARY_AT=21:00",
      "NOTIFY_WEEKLY_SUMMARY_DAY=wednesday",
      "NOTIFY_TEMPO_UNKNOWN_AT=20:00",
      "NOTIFY_CHARGE_CHECK_FROM=03:00",
      "NOTIFY_API_SILENT_MINUTES=30",
      // SQLite's busy timeout: a write blocked by another process's lock fails after 3 s, not 30.
      "DATABASE_TIMEOUT_SECONDS=3",
      "POLL_INTERVAL_SECONDS="
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchesServiceTest {

  // Tuesday 12 January 2027: tomorrow, a Wednesday in winter, may be red.
  static final MutableClock CLOCK = MutableClock.atParis("2027-01-12T12:00:00");
  static final LocalHttpServer COULEUR = new LocalHttpServer();
  static final SimulatedDevice BATTERY =
      SimulatedDevice.start(
          SimulatorOptions.defaults()
              .withBindAddress(InetAddress.getLoopbackAddress())
              .withPort(0)
              .withInitialSoc(Percent.of(60))
              .withLoad(HouseholdLoad.constant(Watts.of(400))),
          CLOCK);
  static final HttpSink SINK = HttpSink.started();
  static final String DATABASE_FILE = freshDatabaseFile();

  /**
   * The Marstek client paces its requests on the service's clock (quiet gap after each reply), so a
   * clock that never moves would hold every request forever: between the test's jumps the clock
   * also runs at real speed.
   */
  static final Thread CLOCK_RUNS =
      Thread.ofVirtual()
          .name("test-clock")
          .start(
              () -> {
                try {
                  while (true) {
                    Thread.sleep(20);
                    CLOCK.advance(Duration.ofMillis(20));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });

  static {
    COULEUR.always("/api/jourTempo/2027-01-12", colour("2027-01-12", 1));
    COULEUR.always("/api/jourTempo/2027-01-13", colour("2027-01-13", 0));
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    registry.add("TEMPO_COULEUR_API_URL", () -> COULEUR.url("/api").toString());
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> Integer.toString(BATTERY.address().getPort()));
    registry.add("NOTIFICATION_URLS", () -> "json://127.0.0.1:" + SINK.port() + "/hook");
    registry.add("DATABASE_URL", () -> "");
    registry.add("DATABASE_FILE", () -> DATABASE_FILE);
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource watchesTestClock() {
      return CLOCK;
    }
  }

  @AfterAll
  static void stopPeers() {
    CLOCK_RUNS.interrupt();
    BATTERY.close();
    COULEUR.close();
    SINK.close();
  }

  @Autowired Watches watches;
  @Autowired FleetObserver observer;
  @Autowired Automation automation;
  @Autowired TempoColours colours;
  @Autowired HistoryQueries history;
  @Autowired HistoryHealth historyHealth;
  @Autowired HistoryRecorder recorder;
  @Autowired TempoPrices prices;
  @Autowired ApplicationContext context;

  @Test
  @Order(1)
  void tomorrowsColourStillUnknownAtEightIsToldOnce() throws Exception {
    observer.observeOnce();
    colours.refresh();
    CLOCK.setParis("2027-01-12T19:55:00");
    watches.tick();
    CLOCK.setParis("2027-01-12T20:05:00");
    colours.refresh();
    watches.tick();
    watches.tick();

    JsonNode hook = awaitOne("Couleur de demain inconnue");
    assertThat(hook.get("message").asString())
        .startsWith("À 20:05, la couleur Tempo de mercredi 13/01 n'est toujours pas connue.")
        .endsWith("Un jour rouge reste possible : le plan le suppose rouge par prudence.");
    assertThat(hook.get("type").asString()).isEqualTo("warning");
    stillOne("Couleur de demain inconnue");
  }

  @Test
  @Order(2)
  void aRedTomorrowIsAnnouncedOnceWithTonightsPlan() throws Exception {
    COULEUR.always("/api/jourTempo/2027-01-13", colour("2027-01-13", 3));
    CLOCK.setParis("2027-01-12T20:10:00");
    colours.refresh();
    observer.observeOnce();
    // Control plans again within five minutes of a new colour; the announcement waits for it.
    CLOCK.setParis("2027-01-12T20:16:00");
    observer.observeOnce();
    watches.tick();
    watches.tick();

    JsonNode hook = awaitOne("Demain ROUGE");
    Plan plan = automation.plan().orElseThrow();
    List<PlanSlot> charge =
        plan.batteries().getFirst().slots().stream()
            .filter(s -> s.action() instanceof Action.ChargeFromGrid)
            .filter(s -> s.start().isBefore(MutableClock.atParis("2027-01-13T06:00").instant()))
            .toList();
    assertThat(charge).as("the plan charges tonight before a red day").isNotEmpty();
    double peak =
        prices
            .gridOn(LocalDate.of(2027, 1, 13))
            .orElseThrow()
            .price(TempoColour.RED, false)
            .eurPerKwh();
    assertThat(hook.get("message").asString())
        .startsWith(
            "Jour Tempo rouge mercredi 13/01 : heures pleines 06:00-22:00 à "
                + String.format(Locale.FRANCE, "%.4f", peak)
                + " €/kWh. Cette nuit : batterie 1 +")
        .containsPattern("\\+\\d+,\\d kWh jusqu'à \\d+ % d'ici \\d\\d:\\d\\d\\.$")
        .contains(
            "jusqu'à "
                + Math.round(charge.getLast().targetSoc().value())
                + " % d'ici "
                + Figures.hour(charge.getLast().end()));
    stillOne("Demain ROUGE");
  }

  @Test
  @Order(3)
  void aBatteryThatDoesNotChargeInTheLastHoursIsReported() throws Exception {
    BATTERY.faults().rejectSets(true);
    CLOCK.setParis("2027-01-13T05:00:00");
    observer.observeOnce();
    CLOCK.setParis("2027-01-13T05:20:00");
    observer.observeOnce();
    watches.tick();
    watches.tick();

    JsonNode hook = awaitOne("Batterie 1 : charge de nuit insuffisante");
    assertThat(hook.get("message").asString())
        .matches(
            "À 05:20 : \\d+ %, pas en charge\\. Objectif \\d+ % à 06:00, au mieux \\d+ % à ce"
                + " rythme\\.");
    stillOne("charge de nuit insuffisante");
  }

  @Test
  @Order(4)
  void aSilentBatteryIsSuspectedOfAnApiSwitchedOffThenOfAResetWhenItComesBackInAuto()
      throws Exception {
    BATTERY.faults().reset();
    for (int i = 0; i < 10 && mode() != DeviceMode.MANUAL; i++) {
      CLOCK.advance(Duration.ofMinutes(1));
      observer.observeOnce();
    }
    assertThat(mode())
        .as("control put the battery in Manual to charge")
        .isEqualTo(DeviceMode.MANUAL);
    Instant silentFrom = CLOCK.instant().plusSeconds(60);

    BATTERY.faults().resetToFactory();
    CLOCK.advance(Duration.ofMinutes(1));
    observer.observeOnce();
    awaitOne("Batterie 1 hors ligne");
    CLOCK.advance(Duration.ofMinutes(29));
    observer.observeOnce();
    watches.tick();
    CLOCK.advance(Duration.ofMinutes(2));
    observer.observeOnce();
    watches.tick();

    JsonNode silent = awaitOne("Batterie 1 : API locale coupée ?");
    assertThat(silent.get("message").asString())
        .startsWith(
            "La batterie 1 ne répond plus depuis " + Figures.hour(silentFrom) + " (31 min, ")
        .contains("réactivez-la dans l'app Marstek");

    BATTERY.faults().apiDisabled(false); // the owner switches the Open API on again
    CLOCK.advance(Duration.ofMinutes(4));
    observer.observeOnce();
    watches.tick();

    JsonNode reset = awaitOne("Batterie 1 réinitialisée ?");
    assertThat(reset.get("message").asString())
        .startsWith(
            "La batterie 1 revient après 35 min sans réponse en mode Auto au lieu de Manual");
    stillOne("API locale coupée");
  }

  @Test
  @Order(5)
  void aTempoSourceFailingThreeTimesInARowIsReported() {
    CLOCK.setParis("2027-01-13T07:00:00");
    COULEUR.always("/api/jourTempo/2027-01-14", Reply.status(503));
    for (int i = 0; i < 3; i++) {
      CLOCK.advance(Duration.ofMinutes(10));
      colours.refresh();
      watches.tick();
    }

    JsonNode hook = awaitOne("Source Tempo couleur-tempo en échec");
    assertThat(hook.get("message").asString())
        .startsWith("La source Tempo couleur-tempo a échoué ")
        .contains("fois de suite (dernière à 07:30 : ")
        .endsWith("Aucune autre source ne répond.");
    stillOne("Source Tempo couleur-tempo en échec");
  }

  @Test
  @Order(6)
  void theDailyAndWeeklySummariesComeAtTheirHourWithTheRecordedFigures() throws Exception {
    COULEUR.always("/api/jourTempo/2027-01-14", colour("2027-01-14", 1));
    CLOCK.setParis("2027-01-13T20:59:00");
    runHistoryRollup();
    watches.tick();
    CLOCK.setParis("2027-01-13T21:00:00");
    watches.tick();
    watches.tick();

    JsonNode daily = awaitOne("Bilan du mardi 12/01 (bleu)");
    DaySavings tuesday =
        history
            .savings(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 12), this::pricesOf)
            .getFirst();
    assertThat(tuesday.paidEur()).isPresent();
    assertThat(daily.get("message").asString())
        .isEqualTo(
            "Batteries : chargé "
                + Figures.kwh(tuesday.chargedWh(), Notice.Language.FR)
                + ", restitué "
                + Figures.kwh(tuesday.dischargedWh(), Notice.Language.FR)
                + ". Réseau : acheté "
                + Figures.kwh(tuesday.importedWh(), Notice.Language.FR)
                + ". Payé "
                + Figures.eur(tuesday.paidEur().orElseThrow(), Notice.Language.FR)
                + ", économisé "
                + Figures.eur(tuesday.savedEur().orElseThrow(), Notice.Language.FR)
                + ".");
    assertThat(tuesday.dischargedWh() + tuesday.chargedWh()).as("the battery worked").isPositive();
    JsonNode weekly = awaitOne("Bilan de la semaine 06/01 - 12/01");
    assertThat(weekly.get("message").asString()).startsWith("Batteries : chargé ");
    stillOne("Bilan du mardi 12/01");
  }

  @Test
  @Order(7)
  void aHistoryDatabaseRefusingWritesForFiveMinutesIsReported() throws Exception {
    // Another process holds SQLite's write lock: every write waits its busy timeout, then fails.
    try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + DATABASE_FILE)) {
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.execute("CREATE TABLE write_lock_holder (x INTEGER)");
      }
      CLOCK.setParis("2027-01-13T21:10:00");
      observer.observeOnce();
      await().atMost(Duration.ofSeconds(60)).until(() -> historyHealth.writeFailure().isPresent());
      watches.tick();
      CLOCK.advance(Duration.ofMinutes(6));
      watches.tick();

      JsonNode hook = awaitOne("Base d'historique en échec");
      assertThat(hook.get("message").asString())
          .startsWith("Les écritures dans la base d'historique échouent depuis 21:10 (6 min) : ")
          .contains("locked");
      assertThat(hook.get("type").asString()).isEqualTo("failure");
      holder.rollback();
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> historyHealth.writeFailure().isEmpty());
  }

  /**
   * Runs the history's scheduled rollup now rather than at its next 5-minute turn, once every
   * sample observed so far is stored (the writer is asynchronous: on a loaded machine the last
   * polls of Tuesday were still in its buffer and the day showed no energy).
   */
  private void runHistoryRollup() {
    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
        .flatMap(holder -> holder.getScheduledTasks().stream())
        .filter(task -> task.toString().contains("rollUp"))
        .findFirst()
        .orElseThrow()
        .getTask()
        .getRunnable()
        .run();
  }

  private DeviceMode mode() {
    return observer
        .health(new BatteryId("1"))
        .lastStatus()
        .map(s -> s.mode())
        .orElse(DeviceMode.UNKNOWN);
  }

  private Optional<PeakPrices> pricesOf(LocalDate day, String colour) {
    TempoColour c = TempoColour.valueOf(colour);
    return prices
        .gridOn(day)
        .map(g -> new PeakPrices(g.price(c, true).eurPerKwh(), g.price(c, false).eurPerKwh()));
  }

  private static JsonNode awaitOne(String title) {
    await().atMost(HttpSink.patience()).until(() -> hooks(title).size() >= 1);
    return JsonMapper.builder().build().readTree(hooks(title).getFirst().body());
  }

  /** No second message with this title arrives once the first is in. */
  private static void stillOne(String title) {
    await()
        .during(Duration.ofMillis(500))
        .atMost(HttpSink.patience())
        .until(() -> hooks(title).size() == 1);
  }

  private static List<HttpSink.Received> hooks(String title) {
    return SINK.received().stream()
        .filter(r -> r.path().equals("/hook") && r.body().contains(title))
        .toList();
  }

  private static Reply colour(String day, int code) {
    return Reply.json(200, "{\"dateJour\":\"" + day + "\",\"codeJour\":" + code + "}");
  }

  static String freshDatabaseFile() {
    try {
      return Files.createTempDirectory("notify-watches").resolve("history.db").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
