package fr.marstek.automation.reliability;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.reliability.OpenLoopLoad.Result;
import fr.marstek.automation.reliability.OpenLoopLoad.Route;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.testing.BenchmarkReport;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.LoopbackSimulators;
import fr.marstek.automation.testing.ShiftedClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9's load: 100 simulated batteries polled at the normal interval, with the protocol's
 * normal pacing, while the API serves 200 requests a second, across the 22:00 switch that sends
 * every battery its night charge. The service runs in a JVM of its own with the small-board
 * settings; its CPU time and resident memory come from /proc, the API's latencies from an open-loop
 * client, and each battery's poll times from the {@code last_seen} the API reports.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=LoadBenchmark} ({@code -Dload.batteries=}, {@code
 * -Dload.rate=}, {@code -Dload.seconds=} change the run).
 */
@Tag("benchmark")
class LoadBenchmark {

  private static final int BATTERIES = Integer.getInteger("load.batteries", 100);
  private static final int RATE = Integer.getInteger("load.rate", 200);
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final Duration LOAD = Duration.ofSeconds(Long.getLong("load.seconds", 300));
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);
  private static final String TOKEN = "load-benchmark-token-0123456789";
  // The run starts a little before 22:00 so that the night switch falls inside the measured load.
  private static final LocalDateTime EVENING = LocalDateTime.parse("2026-01-14T21:57:00");
  private static final Instant TEN_PM =
      LocalDateTime.parse("2026-01-14T22:00:00").atZone(PARIS).toInstant();

  // kept after the run, for a look at what the service said under load
  private static final Path SERVICE_LOG = Path.of("target", "benchmarks", "load-service.log");

  @TempDir Path dir;

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient probe = HttpClient.newHttpClient();

  /** What the watcher saw once a second. */
  private record Sample(
      Instant at, double cpuSeconds, long residentBytes, int online, int manual) {}

  @Test
  void aHundredBatteriesArePolledOnTimeWhileTheApiServesTwoHundredRequestsASecond()
      throws Exception {
    var clock = ShiftedClock.atParis(EVENING.toString());
    try (var fleet = LoopbackSimulators.start(BATTERIES, clock);
        var couleur = tempoProvider();
        var service = ServiceProcess.start(environment(fleet, couleur), dir, SERVICE_LOG)) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> service.isAlive() && onlineCount(status(service)) == BATTERIES);

      List<Sample> samples = new CopyOnWriteArrayList<>();
      Map<String, List<Instant>> answers = new LinkedHashMap<>();
      Thread watcher =
          Thread.ofPlatform()
              .name("load-watcher")
              .start(() -> watch(service, fleet, clock, samples, answers));

      var load = new OpenLoopLoad(mix(), TOKEN, service.url("/"));
      load.run(RATE, WARM_UP);
      load.reset();
      Instant measuredFrom = clock.instant();
      double testCpuBefore = ownCpuSeconds();
      load.run(RATE, LOAD);
      Instant measuredTo = clock.instant();
      double testCpuUsed = ownCpuSeconds() - testCpuBefore;
      load.finish();
      watcher.interrupt();
      watcher.join();

      assertThat(service.isAlive()).as("service still running").isTrue();
      List<Sample> measured =
          samples.stream()
              .filter(s -> !s.at().isBefore(measuredFrom) && !s.at().isAfter(measuredTo))
              .toList();
      PollGaps gaps = PollGaps.of(answers, measuredFrom, measuredTo);
      Optional<Instant> allManual =
          samples.stream()
              .filter(s -> s.manual() == BATTERIES && s.at().isAfter(TEN_PM))
              .map(Sample::at)
              .findFirst();
      report(
          load.results(),
          measured,
          gaps,
          allManual.map(at -> Duration.between(TEN_PM, at)),
          testCpuUsed,
          load.firstErrors());

      assertThat(load.firstErrors()).as("requests that failed").isEmpty();
      assertThat(gaps.worst())
          .as("no battery missed a cycle: its longest wait between two answers")
          .isLessThan(POLL_INTERVAL.multipliedBy(2));
      assertThat(measured).allSatisfy(s -> assertThat(s.online()).isEqualTo(BATTERIES));
      assertThat(allManual).as("every battery switched to Manual after 22:00").isPresent();
    }
  }

  private Map<String, String> environment(LoopbackSimulators fleet, LocalHttpServer couleur) {
    Map<String, String> env = new LinkedHashMap<>();
    List<SimulatedDevice> devices = fleet.devices();
    for (int n = 1; n <= devices.size(); n++) {
      env.put("BATTERY_" + n + "_IP", "127.0.0.1");
      env.put("BATTERY_" + n + "_PORT", Integer.toString(devices.get(n - 1).address().getPort()));
    }
    // The many simulators share 127.0.0.1, so the client cannot send from each one's port.
    env.put("MARSTEK_LOCAL_PORT_POLICY", "ephemeral");
    env.put("MARSTEK_LOCAL_ADDRESS", "127.0.0.1");
    env.put("POLL_INTERVAL_SECONDS", Long.toString(POLL_INTERVAL.toSeconds()));
    env.put("STRATEGY", "fixed");
    env.put("TEMPO_PROVIDERS", "couleur-tempo");
    env.put("TEMPO_COULEUR_API_URL", couleur.url("/api").toString());
    env.put("API_TOKEN", TOKEN);
    env.put("DATABASE_FILE", dir.resolve("history.db").toString());
    env.put("DOTENV_FILE", "none"); // no .env: a named file that is missing stops start-up
    env.put("CLOCK_START", EVENING.atZone(PARIS).toOffsetDateTime().toString());
    return env;
  }

  /** api-couleur-tempo.fr played on loopback: a white day before a blue one. */
  private static LocalHttpServer tempoProvider() {
    var server = new LocalHttpServer();
    server.always(
        "/api/jourTempo/2026-01-14",
        Reply.json(200, "{\"dateJour\":\"2026-01-14\",\"codeJour\":2}"));
    server.always(
        "/api/jourTempo/2026-01-15",
        Reply.json(200, "{\"dateJour\":\"2026-01-15\",\"codeJour\":1}"));
    return server;
  }

  /**
   * What a household's clients ask: the dashboard's and Home Assistant's status reads, one battery,
   * health, Tempo, plan and schedule, savings and the history charts.
   */
  private static List<Route> mix() {
    List<Route> mix = new ArrayList<>();
    Route status = new Route("GET /api/v1/batteries/status", n -> "/api/v1/batteries/status");
    Route one =
        new Route("GET /api/v1/batteries/{id}", n -> "/api/v1/batteries/" + (n % BATTERIES + 1));
    Route telemetry =
        new Route(
            "GET /api/v1/history/telemetry?battery={id}",
            n -> "/api/v1/history/telemetry?battery=" + (n % BATTERIES + 1));
    for (int i = 0; i < 3; i++) {
      mix.add(status);
      mix.add(one);
    }
    mix.add(telemetry);
    mix.add(telemetry);
    mix.add(new Route("GET /health", n -> "/health"));
    mix.add(new Route("GET /api/v1/tempo", n -> "/api/v1/tempo"));
    mix.add(new Route("GET /api/v1/plan", n -> "/api/v1/plan"));
    mix.add(new Route("GET /api/v1/schedule", n -> "/api/v1/schedule"));
    mix.add(new Route("GET /api/v1/savings", n -> "/api/v1/savings"));
    mix.add(new Route("GET /api/v1/history/commands", n -> "/api/v1/history/commands"));
    return mix;
  }

  private void watch(
      ServiceProcess service,
      LoopbackSimulators fleet,
      ShiftedClock clock,
      List<Sample> samples,
      Map<String, List<Instant>> answers) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        JsonNode fleetView = status(service);
        for (JsonNode battery : fleetView.get("batteries")) {
          JsonNode seen = battery.get("last_seen");
          if (seen != null && !seen.isNull()) {
            Instant at = java.time.OffsetDateTime.parse(seen.asString()).toInstant();
            List<Instant> times =
                answers.computeIfAbsent(battery.get("id").asString(), k -> new ArrayList<>());
            if (times.isEmpty() || !times.getLast().equals(at)) {
              times.add(at);
            }
          }
        }
        int manual =
            (int)
                fleet.devices().stream()
                    .filter(d -> d.battery().mode() == DeviceMode.MANUAL)
                    .count();
        samples.add(
            new Sample(
                clock.instant(),
                service.cpuSeconds(),
                service.residentBytes(),
                onlineCount(fleetView),
                manual));
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("the watcher could not read the service", e);
      }
    }
  }

  private JsonNode status(ServiceProcess service) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(service.url("/api/v1/batteries/status"))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(10))
            .build();
    return json.readTree(probe.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static int onlineCount(JsonNode fleetView) {
    int online = 0;
    for (JsonNode battery : fleetView.path("batteries")) {
      if (battery.path("online").asBoolean()) {
        online++;
      }
    }
    return online;
  }

  private static double ownCpuSeconds() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  private void report(
      List<Result> results,
      List<Sample> measured,
      PollGaps gaps,
      Optional<Duration> switchTook,
      double testCpuUsed,
      Map<String, String> firstErrors)
      throws IOException {
    Histogram all = new Histogram(3);
    long errors = 0;
    List<List<String>> rows = new ArrayList<>();
    for (Result r : results) {
      all.add(r.latency());
      errors += r.errors();
      rows.add(latencyRow("`" + r.route() + "`", r.latency(), r.errors()));
    }
    rows.add(latencyRow("all", all, errors));
    Sample first = measured.getFirst();
    Sample last = measured.getLast();
    double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
    double cpuShare = (last.cpuSeconds() - first.cpuSeconds()) / seconds;
    long maxRss = measured.stream().mapToLong(Sample::residentBytes).max().orElseThrow();
    double achievedRate = all.getTotalCount() / (double) LOAD.toSeconds();
    new BenchmarkReport("Load: " + BATTERIES + " batteries and " + RATE + " API requests a second")
        .paragraph(
            "The service in its own JVM with the systemd unit's small-board options ("
                + String.join(" ", ServiceProcess.SMALL_BOARD_OPTIONS)
                + "), SQLite history, Tempo on (a loopback api-couleur-tempo.fr),"
                + " strategy fixed; "
                + BATTERIES
                + " simulated Venus E on loopback UDP with the protocol's default pacing (2 s quiet"
                + " gap per battery, 50 ms between sends to different batteries, 3 s read"
                + " timeout), polled every "
                + POLL_INTERVAL.toSeconds()
                + " s. An open-loop client sends "
                + RATE
                + " GET requests a second ("
                + WARM_UP.toSeconds()
                + " s warm-up not counted, then "
                + LOAD.toSeconds()
                + " s measured, "
                + String.format(Locale.ROOT, "%.1f", achievedRate)
                + " a second achieved); latency counts from when each request was due. The"
                + " service's clock starts at "
                + EVENING.toLocalTime()
                + " so the 22:00 switch to night charging falls inside the measured load. The"
                + " simulators, the client and the service share the machine's cores.")
        .table(List.of("route", "requests", "p50 ms", "p99 ms", "max ms", "errors"), rows)
        .table(
            List.of("measure", "value"),
            List.of(
                List.of(
                    "polls answered in the measured window",
                    gaps.answers() + " (" + gaps.batteries() + " batteries)"),
                List.of(
                    "time between two answers of one battery: median / p99 / worst",
                    seconds(gaps.median())
                        + " / "
                        + seconds(gaps.p99())
                        + " / "
                        + seconds(gaps.worst())),
                List.of(
                    "longest fleet read: first to last answer of one cycle's burst",
                    seconds(gaps.longestFleetRead())),
                List.of(
                    "waits longer than " + PollGaps.LATE_AFTER.toSeconds() + " s (a skipped cycle)",
                    Long.toString(gaps.late())),
                List.of(
                    "22:00 until all " + BATTERIES + " batteries were in Manual (night charge)",
                    switchTook.map(LoadBenchmark::seconds).orElse("never")),
                List.of(
                    "service CPU (user + system), share of one core",
                    String.format(Locale.ROOT, "%.1f %%", cpuShare * 100)),
                List.of(
                    "test JVM CPU (simulators + client), share of one core",
                    String.format(Locale.ROOT, "%.1f %%", testCpuUsed / LOAD.toSeconds() * 100)),
                List.of(
                    "service resident memory: at start of load / at end / highest",
                    mib(first.residentBytes())
                        + " / "
                        + mib(last.residentBytes())
                        + " / "
                        + mib(maxRss))))
        .paragraph("First failure of each route, if any: " + firstErrors)
        .write("load");
  }

  private static List<String> latencyRow(String route, Histogram h, long errors) {
    return List.of(
        route,
        Long.toString(h.getTotalCount()),
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()),
        Long.toString(errors));
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
  }
}
