package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.BenchmarkReport;
import fr.marstek.automation.testing.RequiresTool;
import fr.marstek.automation.testing.ServiceTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dashboard issue: the Now page's time to first render and to its first live update, and the bytes
 * it loads, in headless Chromium against the service in demo mode (three simulated batteries over
 * real UDP). Times come from the browser's own Navigation, Paint and Resource Timing; the first
 * live update is the first change of the page's live part made by a server-sent event, seen by a
 * MutationObserver installed before the page's own scripts run.
 */
@Tag("benchmark")
@ServiceTest(properties = {"POLL_INTERVAL_SECONDS=" + NowPageBenchmark.POLL_SECONDS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresTool({"chromium", "chromedriver"})
class NowPageBenchmark {

  static final String POLL_SECONDS = "15";
  private static final int RUNS = Integer.getInteger("benchmark.pageRuns", 9);

  /** Runs before the page's scripts: notes when the stream opens and the first swap lands. */
  private static final String PROBE =
      """
      window.__bench = {};
      document.addEventListener('htmx:sseOpen', () => {
        if (window.__bench.sseOpen == null) window.__bench.sseOpen = performance.now();
      });
      document.addEventListener('DOMContentLoaded', () => {
        const live = document.getElementById('live');
        if (!live) return;
        new MutationObserver((records, observer) => {
          if (records.some(r => r.type === 'childList')) {
            window.__bench.firstLive = performance.now();
            observer.disconnect();
          }
        }).observe(live, { childList: true, subtree: true });
      });
      """;

  private static final String READ =
      """
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = performance.getEntriesByType('resource')
          .filter(r => !r.name.includes('/dashboard/events'));
      const all = [nav].concat(resources);
      const sum = key => all.reduce((s, r) => s + (r[key] || 0), 0);
      return {
        fcp: paint ? paint.startTime : -1,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        sseOpen: window.__bench.sseOpen == null ? -1 : window.__bench.sseOpen,
        firstLive: window.__bench.firstLive,
        transfer: sum('transferSize'),
        encoded: sum('encodedBodySize'),
        decoded: sum('decodedBodySize'),
        requests: all.length,
        files: all.map(r => [new URL(r.name).pathname, r.transferSize, r.encodedBodySize,
            r.decodedBodySize])
      };
      """;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = Files.createTempDirectory("now-page-benchmark");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  private Browser browser;

  private record Run(
      double fcp,
      double dcl,
      double load,
      double sseOpen,
      double firstLive,
      double transfer,
      double encoded,
      double decoded,
      int requests,
      List<List<Object>> files) {

    @SuppressWarnings("unchecked")
    static Run of(Map<String, Object> m) {
      return new Run(
          number(m.get("fcp")),
          number(m.get("dcl")),
          number(m.get("load")),
          number(m.get("sseOpen")),
          number(m.get("firstLive")),
          number(m.get("transfer")),
          number(m.get("encoded")),
          number(m.get("decoded")),
          (int) number(m.get("requests")),
          (List<List<Object>>) m.get("files"));
    }

    private static double number(Object o) {
      return ((Number) o).doubleValue();
    }
  }

  @BeforeAll
  void openBrowser() throws Exception {
    browser = new Browser();
    browser.size(Browser.DESKTOP);
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }

  private Run measure(boolean cold) {
    browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
    browser.driver.get("http://127.0.0.1:" + port + "/?lang=en");
    await()
        .atMost(Duration.ofSeconds(4L * Integer.parseInt(POLL_SECONDS)))
        .until(
            () ->
                browser
                    .driver
                    .executeScript("return window.__bench && window.__bench.firstLive != null;")
                    .equals(Boolean.TRUE));
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) browser.driver.executeScript(READ);
    return Run.of(read);
  }

  @Test
  void nowPageFirstRenderFirstLiveUpdateAndBytes() {
    // the service has read every battery once, as it has in normal running
    browser.driver.get("http://127.0.0.1:" + port + "/?lang=en");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> browser.driver.findElements(By.cssSelector(".card-body.online")).size() == 3);
    Run first = measure(true);
    List<Run> cold = new ArrayList<>();
    List<Run> warm = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      cold.add(measure(true));
    }
    measure(false); // fills the cache
    for (int i = 0; i < RUNS; i++) {
      warm.add(measure(false));
    }
    assertThat(browser.errors()).isEmpty();
    assertThat(cold).allSatisfy(r -> assertThat(r.firstLive()).isGreaterThan(r.dcl()));

    List<List<String>> rows = new ArrayList<>();
    rows.add(row("first-contentful-paint, ms", cold, warm, Run::fcp, "%.0f"));
    rows.add(row("DOMContentLoaded, ms", cold, warm, Run::dcl, "%.0f"));
    rows.add(row("load event, ms", cold, warm, Run::load, "%.0f"));
    rows.add(row("event stream open, ms", cold, warm, Run::sseOpen, "%.0f"));
    rows.add(row("first live update, ms", cold, warm, Run::firstLive, "%.0f"));
    rows.add(
        row(
            "first live update after stream open, ms",
            cold,
            warm,
            r -> r.firstLive() - r.sseOpen(),
            "%.0f"));
    rows.add(row("requests", cold, warm, r -> r.requests(), "%.0f"));
    rows.add(row("bytes transferred (headers included)", cold, warm, Run::transfer, "%,.0f"));
    rows.add(row("bytes of bodies as sent (encodedBodySize)", cold, warm, Run::encoded, "%,.0f"));
    rows.add(row("bytes of bodies decoded", cold, warm, Run::decoded, "%,.0f"));

    List<List<String>> files = new ArrayList<>();
    for (List<Object> f : cold.getLast().files()) {
      files.add(
          List.of(
              "`" + f.get(0) + "`",
              String.format(Locale.ROOT, "%,d", ((Number) f.get(1)).longValue()),
              String.format(Locale.ROOT, "%,d", ((Number) f.get(2)).longValue()),
              String.format(Locale.ROOT, "%,d", ((Number) f.get(3)).longValue())));
    }
    new BenchmarkReport("Dashboard: Now page")
        .paragraph(
            RUNS
                + " loads with the browser cache disabled (a first visit) and "
                + RUNS
                + " with it (a return visit, after one load to fill it), desktop viewport"
                + " 1280x900, poll interval "
                + POLL_SECONDS
                + " s. Times from navigation start. The first load after the service started,"
                + " not counted: FCP "
                + ms(first.fcp())
                + ", DOMContentLoaded "
                + ms(first.dcl())
                + ", first live update "
                + ms(first.firstLive())
                + ".")
        .table(List.of("metric", "first visit: median (min-max)", "return visit"), rows)
        .paragraph("Files of the last first-visit load (bytes):")
        .table(List.of("path", "transferSize", "encodedBodySize", "decodedBodySize"), files)
        .write("now-page");
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.0f ms", v);
  }

  private static List<String> row(
      String name, List<Run> cold, List<Run> warm, ToDoubleFunction<Run> metric, String format) {
    return List.of(name, spread(cold, metric, format), spread(warm, metric, format));
  }

  private static String spread(List<Run> runs, ToDoubleFunction<Run> metric, String format) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    if (values.length == 0 || values[0] < 0) {
      return "n/a";
    }
    double median =
        values.length % 2 == 1
            ? values[values.length / 2]
            : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    return String.format(Locale.ROOT, format, median)
        + " ("
        + String.format(Locale.ROOT, format, values[0])
        + "-"
        + String.format(Locale.ROOT, format, values[values.length - 1])
        + ")";
  }
}
