package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.history.HistoryRecorder;
import fr.marstek.automation.history.TelemetrySample;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard in headless Chromium against the service in demo mode: three simulated batteries
 * over real UDP, real HTTP, a fresh history database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "DOTENV_FILE=target/no-such.env",
      "DATABASE_URL=",
      "API_TOKEN=" + DashboardIT.TOKEN,
      "MARSTEK_REQUEST_GAP_MS=20",
      "MARSTEK_SEND_GAP_MS=5",
      "MARSTEK_READ_TIMEOUT_MS=500",
      "MARSTEK_WRITE_TIMEOUT_MS=500",
      "POLL_INTERVAL_SECONDS=5"
    })
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

  static final String TOKEN = "test-token-0123456789abcdef";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = Files.createTempDirectory("dashboard-it");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();
  private Browser browser;

  @Autowired HistoryRecorder history;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = new Browser();
  }

  /** A day of past telemetry, so the history charts have something to draw. */
  @BeforeAll
  void recordAPastDay() {
    Instant end = Instant.now().minus(Duration.ofMinutes(10));
    for (int step = 288; step > 0; step--) {
      Instant at = end.minus(Duration.ofMinutes(5L * step));
      int hour = at.atZone(ZoneId.of("Europe/Paris")).getHour();
      boolean night = hour < 6 || hour >= 22;
      double house = 400 + 600 * Math.max(0, Math.sin((hour - 6) / 16.0 * Math.PI));
      double battery = night ? -1500 : Math.min(house, 800);
      for (String id : List.of("1", "2", "3")) {
        double soc = night ? 20 + 80 * ((hour + 2) % 24) / 8.0 : 100 - 80 * (hour - 6) / 16.0;
        history.recordTelemetry(
            new TelemetrySample(
                new BatteryId(id),
                at,
                true,
                Optional.of(Percent.of(Math.clamp(soc, 10, 100))),
                Optional.of(Watts.of(battery)),
                Optional.of(Watts.of(house - 3 * battery)),
                Optional.empty(),
                Optional.of(new Celsius(21)),
                Optional.empty(),
                Optional.empty()));
      }
    }
    assertThat(history.flush(PATIENCE)).isTrue();
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void open(String path) {
    browser.driver.get(url(path));
  }

  private WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  /** Read in one script, so a card swapped by a live update is never half-read. */
  private String text(String css) {
    Object text =
        browser.driver.executeScript(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';",
            css);
    return String.valueOf(text);
  }

  /** After a click that loads a new page: waits until the page shows the text. */
  private void shows(String css, String expected) {
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text(css)).contains(expected));
  }

  private JsonNode battery(String id) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/batteries/" + id))).build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body, String contentType, String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void waitUntilEveryCardIsOnline() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElements(By.cssSelector(".card-body.online")))
                    .hasSize(3));
  }

  private static String otherModeThan(String mode) {
    return "AI".equals(mode) ? "AUTO" : "AI";
  }

  @Test
  void everyPageLoadsWithoutConsoleErrorsAtDesktopAndPhoneWidth() throws Exception {
    for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
      String suffix = size == Browser.DESKTOP ? "desktop" : "phone";
      browser.size(size);

      open("/?lang=fr");
      waitUntilEveryCardIsOnline();
      assertThat(text("#demo-banner")).contains("Mode démo");
      assertThat(text("#summary")).contains("3 / 3");
      browser.screenshot("now-" + suffix);
      assertThat(browser.errors()).isEmpty();

      open("/plan");
      assertThat(browser.driver.findElements(By.cssSelector("section.plan"))).hasSize(3);
      assertThat(text("#plan-1 table.steps tbody")).isNotBlank();
      browser.screenshot("plan-" + suffix);
      assertThat(browser.errors()).isEmpty();

      open("/history");
      await()
          .atMost(PATIENCE)
          .until(() -> "true".equals(find("body").getDomAttribute("data-loaded")));
      assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).hasSize(3);
      assertThat(find("#csv-telemetry").getDomProperty("href")).contains("format=csv");
      browser.screenshot("history-" + suffix);
      assertThat(browser.errors()).isEmpty();
    }
    browser.size(Browser.DESKTOP);
  }

  @Test
  void aBatteryCardFollowsTheBatteryWithoutReloadingThePage() throws Exception {
    open("/?lang=en");
    waitUntilEveryCardIsOnline();
    browser.driver.executeScript("window.notReloaded = true;");
    String wanted = otherModeThan(text("#battery-2 [data-field=mode]"));

    var forced =
        post(
            "/api/v1/batteries/2/mode",
            "{\"mode\":\"" + wanted + "\",\"duration\":\"PT1H\"}",
            "application/json",
            TOKEN);

    assertThat(forced.statusCode()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(text("#battery-2 [data-field=mode]")).isEqualTo(wanted);
              assertThat(text("#battery-2 [data-field=desired]")).contains(wanted, "override");
            });
    assertThat(browser.driver.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    http.send(
        HttpRequest.newBuilder(URI.create(url("/api/v1/batteries/2/override")))
            .header("Authorization", "Bearer " + TOKEN)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anOverrideMadeInThePageReachesTheSimulatedBattery() throws Exception {
    browser.size(Browser.DESKTOP);
    open("/?lang=en");
    waitUntilEveryCardIsOnline();
    find("#login-token").sendKeys(TOKEN);
    find("#login-submit").click();
    shows("#notice", "Logged in.");
    browser.driver.executeScript("document.getElementById('control').scrollIntoView()");
    browser.screenshot("now-control-desktop");
    String wanted = otherModeThan(battery("3").get("mode").asString());

    new Select(find("#override-battery")).selectByValue("3");
    new Select(find("#override-mode")).selectByValue(wanted);
    find("#override-submit").click();

    shows("#notice", "Override applied.");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode three = battery("3");
              assertThat(three.get("mode").asString()).isEqualTo(wanted);
              assertThat(three.get("cause").asString()).isEqualTo("OVERRIDE");
            });
    find("#pause").click();
    shows("#alerts", "Automation is paused");
    find("#resume").click();
    shows("#notice", "Automation resumed.");
    find("#clear-all").click();
    shows("#notice", "Back to the schedule.");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(battery("3").get("cause").asString()).isNotEqualTo("OVERRIDE"));
    find("#logout").click();
    shows("#control", "API token");
    assertThat(browser.driver.findElements(By.id("override-form"))).isEmpty();
  }

  @Test
  void anOverrideWithoutLoginOrWithoutTheFormTokenIsRefused() throws Exception {
    var anonymous =
        post("/dashboard/override", "battery=1&mode=AI", "application/x-www-form-urlencoded", null);
    var login = post("/login", "token=" + TOKEN, "application/x-www-form-urlencoded", null);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    var forged =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/dashboard/override")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("battery=1&mode=AI&csrf=guess"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(battery("1").get("cause").asString()).isNotEqualTo("OVERRIDE");
  }

  @Test
  void aWrongTokenDoesNotLogIn() {
    open("/?lang=en");
    find("#login-token").sendKeys("not-the-token-0123456789");
    find("#login-submit").click();

    shows("#problem", "That token is wrong.");
    assertThat(browser.driver.findElements(By.id("override-form"))).isEmpty();
  }

  @Test
  void aLoggedInSessionDoesNotOpenTheBearerTokenApi() throws Exception {
    var login = post("/login", "token=" + TOKEN, "application/x-www-form-urlencoded", null);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    var withCookieOnly =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/automation/pause")))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(withCookieOnly.statusCode()).isEqualTo(401);
  }

  @Test
  void speaksFrenchToAFrenchBrowserAndEnglishOtherwiseUnlessAsked() throws Exception {
    assertThat(page("/", "fr-FR,fr;q=0.9")).contains("<html lang=\"fr\"", "Maintenant");
    assertThat(page("/", "de-DE,en;q=0.5")).contains("<html lang=\"en\"", ">Now<");
    assertThat(page("/plan?lang=en", "fr-FR")).contains("The next 24 hours");
    var chosen =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/history?lang=fr"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chosen.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("lang=fr"));
    var remembered =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/history")))
                .header("Cookie", "lang=fr")
                .header("Accept-Language", "en")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(remembered.body()).contains("Historique");
  }

  private String page(String path, String languages) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept-Language", languages)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
