package fr.marstek.automation;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.ModeChanged;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.testing.ShiftedClock;
import fr.marstek.automation.testing.SilenceableProxy;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real PostgreSQL whose lease table is locked for two minutes across 22:00,
 * then whose network falls silent across the next 22:00 (a proxy that forwards nothing and closes
 * nothing): three batteries switch on time both nights, every battery is polled all along, and
 * /health shows the hung lease keeper and the database down while control goes on.
 *
 * <p>The service's clock is the test's: each poll is one jump of {@link #INTERVAL} and one {@link
 * FleetObserver#observeOnce()}, so the two minutes of lock and the 90 s of silence are eight and
 * six polls. The database's own waits stay real: statements give up after {@link #DB_TIMEOUT} of
 * real time, and each poll of a fault lasts {@link #PACE} of real time, so the keeper's statements
 * and the history writes meet their timeout several times over each fault. A cycle that waited on
 * the database would take that timeout: every cycle is timed and must end well before it.
 */
@ServiceTest(properties = {"MARSTEK_READ_TIMEOUT_MS=", "MARSTEK_WRITE_TIMEOUT_MS="})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HungDatabaseTest {

  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T21:00:00");
  static final Duration INTERVAL = Duration.ofSeconds(15); // the least POLL_INTERVAL_SECONDS allows
  static final Duration DB_TIMEOUT = Duration.ofSeconds(3);
  static final Duration PACE = Duration.ofSeconds(2);
  static final Map<BatteryId, AtomicInteger> OBSERVED = new ConcurrentHashMap<>();
  static final List<ModeChanged> CHANGES = new CopyOnWriteArrayList<>();
  static final List<SimulatedDevice> DEVICES = new ArrayList<>();
  static EmbeddedPostgres embedded;
  static String serverUrl;
  static int serverPort;
  static String database;
  static SilenceableProxy proxy;

  @LocalServerPort int http;
  @Autowired FleetObserver observer;

  @DynamicPropertySource
  static void service(DynamicPropertyRegistry registry) throws Exception {
    String configured = System.getenv("TEST_DATABASE_URL");
    if (configured != null && !configured.isBlank()) {
      serverUrl = configured;
      serverPort = URI.create(configured.substring("jdbc:".length())).getPort();
    } else {
      embedded = EmbeddedPostgres.builder().start();
      serverUrl = embedded.getJdbcUrl("postgres", "postgres");
      serverPort = embedded.getPort();
    }
    database = "hung_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(serverUrl)) {
      admin.createStatement().execute("CREATE DATABASE " + database);
    }
    proxy = new SilenceableProxy(serverPort);
    for (int soc : new int[] {52, 62, 72}) {
      DEVICES.add(
          SimulatedDevice.start(
              SimulatorOptions.defaults()
                  .withPort(0)
                  .withBleMac("0123456789a" + DEVICES.size())
                  .withInitialSoc(Percent.of(soc))
                  .withLoad(HouseholdLoad.constant(Watts.of(400))),
              CLOCK));
    }
    registry.add(
        "DATABASE_URL",
        () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database + "?user=postgres");
    for (int i = 0; i < DEVICES.size(); i++) {
      int port = DEVICES.get(i).address().getPort();
      registry.add("BATTERY_" + (i + 1) + "_IP", () -> "127.0.0.1");
      registry.add("BATTERY_" + (i + 1) + "_PORT", () -> port);
    }
    registry.add("DATABASE_TIMEOUT_SECONDS", () -> DB_TIMEOUT.toSeconds());
    registry.add("CONTROL_ENABLED", () -> "false"); // polled by the test, on its clock
    registry.add("MARSTEK_LOCAL_PORT_POLICY", () -> "ephemeral");
    registry.add("MARSTEK_REQUEST_GAP_MS", () -> "100");
    registry.add("MARSTEK_SEND_GAP_MS", () -> "50");
    registry.add("POLL_INTERVAL_SECONDS", () -> INTERVAL.toSeconds());
    registry.add("COMMAND_RETRY_SECONDS", () -> "2");
    registry.add("STRATEGY", () -> "fixed");
    registry.add("TEMPO_ENABLED", () -> "false");
  }

  @AfterAll
  static void stop() throws Exception {
    DEVICES.forEach(SimulatedDevice::close);
    proxy.close();
    try (Connection admin = DriverManager.getConnection(serverUrl)) {
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource shiftedClock() {
      return CLOCK;
    }

    @EventListener
    void on(BatteryStatusObserved event) {
      OBSERVED.computeIfAbsent(event.status().id(), id -> new AtomicInteger()).incrementAndGet();
    }

    @EventListener
    void on(ModeChanged event) {
      CHANGES.add(event);
    }
  }

  @Test
  @Order(1)
  void aLeaseTableLockedForTwoMinutesAcross22DoesNotDelayTheSwitch() throws Exception {
    Instant ten = paris("2026-01-14T22:00:00");
    CLOCK.jumpTo(ten.minusSeconds(50));
    awaitAllIn(DeviceMode.AUTO);

    try (Connection locker = DriverManager.getConnection(serverUrl(database))) {
      locker.setAutoCommit(false);
      locker.createStatement().execute("LOCK TABLE battery_lease IN ACCESS EXCLUSIVE MODE");
      Instant lockedAt = CLOCK.instant();
      Map<BatteryId, Integer> before = counts();
      List<String> leaseStates = new CopyOnWriteArrayList<>();

      for (int poll = 0; poll < Duration.ofMinutes(2).dividedBy(INTERVAL); poll++) {
        pollOnTime();
        JsonNode health = healthChecked();
        leaseStates.add(health.path("control").path("leases").path("status").asString());
        Thread.sleep(PACE.toMillis()); // the lock is real: its statements time out in real time
      }
      locker.rollback();

      System.out.printf(
          "Lease table locked 120 s from %s: switches %s; polls per battery %s; lease states %s%n",
          local(lockedAt), switchTimes(ten), deltas(before), leaseStates);
      assertSwitchedOnTime(ten);
      assertEveryBatteryPolledThroughout(before, Duration.ofMinutes(2));
      // each lease statement waits for the lock until DATABASE_TIMEOUT_SECONDS ends it
      assertThat(leaseStates.getLast()).as("the keeper's trouble shows").isNotEqualTo("OK");
      assertThat(leaseStates).contains("DATABASE_AWAY");
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              poll();
              assertThat(health().path("control").path("leases").path("status").asString())
                  .isEqualTo("OK");
            });
  }

  @Test
  @Order(2)
  void aDatabaseNetworkThatFallsSilentAcross22DoesNotDelayTheSwitch() throws Exception {
    Instant ten = paris("2026-01-15T22:00:00");
    CLOCK.jumpTo(ten.minusSeconds(50));
    awaitAllIn(DeviceMode.AUTO);

    proxy.silence(true);
    Instant silentAt = CLOCK.instant();
    Map<BatteryId, Integer> before = counts();
    List<String> databaseStates = new CopyOnWriteArrayList<>();
    for (int poll = 0; poll < Duration.ofSeconds(90).dividedBy(INTERVAL); poll++) {
      pollOnTime();
      databaseStates.add(healthChecked().path("database").path("status").asString());
      Thread.sleep(PACE.toMillis()); // the silence is real: database calls time out in real time
    }
    proxy.silence(false);

    System.out.printf(
        "Database network silent 90 s from %s: switches %s; polls per battery %s; database %s%n",
        local(silentAt), switchTimes(ten), deltas(before), databaseStates);
    assertSwitchedOnTime(ten);
    assertEveryBatteryPolledThroughout(before, Duration.ofSeconds(90));
    assertThat(databaseStates).as("the silent database shows as down").contains("DOWN");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              poll();
              JsonNode db = health().path("database");
              assertThat(db.path("status").asString()).isEqualTo("UP");
              assertThat(db.path("pending").asInt()).isZero();
            });
  }

  /** Every battery turned Manual by the first poll after 22:00 or the next. */
  private static void assertSwitchedOnTime(Instant ten) {
    for (int n = 1; n <= DEVICES.size(); n++) {
      BatteryId id = BatteryId.of(n);
      assertThat(CHANGES)
          .filteredOn(c -> c.battery().equals(id) && c.to() == DeviceMode.MANUAL)
          .filteredOn(c -> !c.at().isBefore(ten))
          .as("battery %s switched", id)
          .first()
          .satisfies(
              c -> assertThat(c.at()).isBefore(ten.plus(INTERVAL.multipliedBy(2)).plusSeconds(1)));
      assertThat(DEVICES.get(n - 1).battery().mode()).isEqualTo(DeviceMode.MANUAL);
    }
  }

  private static void assertEveryBatteryPolledThroughout(
      Map<BatteryId, Integer> before, Duration span) {
    long expected = span.dividedBy(INTERVAL);
    deltas(before)
        .forEach(
            (id, polls) ->
                assertThat(polls)
                    .as("battery %s polled about every %s", id, INTERVAL)
                    .isGreaterThanOrEqualTo((int) (expected * 3 / 4)));
  }

  private static Map<BatteryId, Integer> counts() {
    Map<BatteryId, Integer> now = new ConcurrentHashMap<>();
    OBSERVED.forEach((id, n) -> now.put(id, n.get()));
    return now;
  }

  private static Map<BatteryId, Integer> deltas(Map<BatteryId, Integer> before) {
    Map<BatteryId, Integer> delta = new java.util.TreeMap<>();
    OBSERVED.forEach((id, n) -> delta.put(id, n.get() - before.getOrDefault(id, 0)));
    return delta;
  }

  private static List<String> switchTimes(Instant ten) {
    return CHANGES.stream()
        .filter(c -> c.to() == DeviceMode.MANUAL && !c.at().isBefore(ten))
        .map(c -> c.battery().value() + "@" + local(c.at()).toLocalTime())
        .toList();
  }

  private void awaitAllIn(DeviceMode mode) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              observer.observeOnce(); // no jump: the fault must begin before 22:00
              assertThat(DEVICES).allSatisfy(d -> assertThat(d.battery().mode()).isEqualTo(mode));
            });
  }

  /** One poll interval later, every battery polled (and its control cycle run) once. */
  private void poll() throws InterruptedException {
    CLOCK.jumpTo(CLOCK.instant().plus(INTERVAL));
    observer.observeOnce();
  }

  /** {@link #poll()}, which must not have waited for the database (that takes its timeout). */
  private void pollOnTime() throws InterruptedException {
    long start = System.nanoTime();
    poll();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("a control cycle during the fault")
        .isLessThan(DB_TIMEOUT);
  }

  /** /health answers 200 UP with control running, whatever the database does. */
  private JsonNode healthChecked() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JsonMapper.builder().build().readTree(response.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(body.path("control").path("status").asString()).isEqualTo("OK");
    return body;
  }

  private JsonNode health() throws IOException, InterruptedException {
    return JsonMapper.builder().build().readTree(get("/health").body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String serverUrl(String db) {
    return "jdbc:postgresql://127.0.0.1:" + serverPort + "/" + db + "?user=postgres";
  }

  private static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  private static LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, PARIS);
  }
}
