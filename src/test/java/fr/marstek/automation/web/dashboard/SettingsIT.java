package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.RequiresTool;
import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Settings page in headless Chromium against the demo service: a refused value is explained
 * next to its field and stores nothing, a change needs a logged-in session, a good one stays.
 */
@ServiceTest(properties = {"API_TOKEN=" + SettingsIT.TOKEN, "MAX_CHARGE_W=2000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RequiresTool({"chromium", "chromedriver"})
class SettingsIT {

  static final String TOKEN = "test-token-0123456789abcdef";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static Path database;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    database = Files.createTempDirectory("settings-it").resolve("history.db");
    registry.add("DATABASE_FILE", () -> database.toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  private final HttpClient http = HttpClient.newHttpClient();
  private Browser browser;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = new Browser();
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

  private String text(String css) {
    Object text =
        browser.driver.executeScript(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';",
            css);
    return String.valueOf(text);
  }

  private void shows(String css, String expected) {
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text(css)).contains(expected));
  }

  private void type(String name, String value) {
    WebElement input = find("#input-" + name);
    input.clear();
    input.sendKeys(value);
  }

  private void logIn() {
    open("/settings?lang=en");
    if (browser.driver.findElements(By.id("login-token")).isEmpty()) {
      return;
    }
    find("#login-token").sendKeys(TOKEN);
    find("#login-submit").click();
    shows("#notice", "Logged in.");
  }

  private JsonNode setting(String name) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/settings"))).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode s : json.readTree(response.body()).get("settings")) {
      if (s.get("name").asString().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no setting " + name);
  }

  private int storedRows() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + database);
        var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM setting")) {
      return rows.getInt(1);
    }
  }

  @Test
  @Order(1)
  void aChangeWithoutLoginIsRefused() throws Exception {
    var anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/settings")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("RESERVE_SOC=50&csrf=guess"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(setting("RESERVE_SOC").get("value").asString()).isEqualTo("11");
    assertThat(storedRows()).isZero();
    open("/settings?lang=en");
    assertThat(find("#input-RESERVE_SOC").isEnabled()).isFalse();
    assertThat(browser.driver.findElements(By.id("settings-submit"))).isEmpty();
    assertThat(text("#login-form")).contains("API token");
  }

  @Test
  @Order(2)
  void aBadSettingShowsItsMessageNextToItsFieldAndChangesNothing() throws Exception {
    browser.size(Browser.DESKTOP);
    logIn();
    type("MAX_CHARGE_W", "9000");
    type("RESERVE_SOC", "30");
    find("#settings-submit").click();

    shows("#problem-MAX_CHARGE_W", "MAX_CHARGE_W=9000: expected a charging power 1-2500 (W)");
    assertThat(text("#problem")).contains("Nothing was saved.");
    assertThat(find("#input-MAX_CHARGE_W").getDomProperty("value")).isEqualTo("9000");
    assertThat(browser.driver.findElements(By.id("problem-RESERVE_SOC"))).isEmpty();
    assertThat(setting("MAX_CHARGE_W").get("value").asString()).isEqualTo("2000");
    assertThat(setting("RESERVE_SOC").get("value").asString()).isEqualTo("11");
    assertThat(storedRows()).isZero();
    assertThat(automation.settings().defaults().reserve().value()).isEqualTo(11);
    browser.driver.executeScript("document.getElementById('setting-RESERVE_SOC').scrollIntoView()");
    browser.screenshot("settings-refused-desktop");
    assertThat(browser.errors()).isEmpty();
  }

  @Test
  @Order(3)
  void aGoodChangeIsAppliedAndStillShownAfterAReload() throws Exception {
    logIn();
    type("RESERVE_SOC", "35");
    type("AUTO_MODE_END_HOUR", "21");
    find("#settings-submit").click();

    shows("#notice", "Settings saved: AUTO_MODE_END_HOUR, RESERVE_SOC");
    browser.driver.navigate().refresh();
    assertThat(find("#input-RESERVE_SOC").getDomProperty("value")).isEqualTo("35");
    assertThat(text("#about-RESERVE_SOC")).contains("saved here");
    assertThat(text("#about-MAX_CHARGE_W")).contains("from .env");
    assertThat(text("#about-TEMPO_PROVIDERS")).contains("applied at the next restart");
    assertThat(automation.settings().defaults().reserve().value()).isEqualTo(35);
    assertThat(automation.settings().schedule().dayEnd().getHour()).isEqualTo(21);
    assertThat(storedRows()).isEqualTo(2);

    find("#reset-AUTO_MODE_END_HOUR").click();
    shows("#notice", "Back to the environment's value: AUTO_MODE_END_HOUR");
    assertThat(find("#input-AUTO_MODE_END_HOUR").getDomProperty("value")).isEqualTo("22");
    assertThat(automation.settings().schedule().dayEnd().getHour()).isEqualTo(22);
  }

  @Test
  @Order(4)
  void notificationUrlsAreSavedMaskedAndTestedFromThePage() throws Exception {
    try (var sink = new LocalHttpServer()) {
      sink.always("/hook", LocalHttpServer.Reply.status(200));
      logIn();
      String hook = "json://127.0.0.1:" + sink.url("/").getPort() + "/hook?token=abcdefghijkl";
      find("#input-NOTIFICATION_URLS").sendKeys(hook);
      find("#urls-submit").click();
      shows("#notice", "Settings saved: NOTIFICATION_URLS");
      assertThat(text("#urls")).contains("127.0.0.1").doesNotContain("abcdefghijkl");

      find("#send-test").click();

      shows("#notice", "Test sent:");
      shows("#notice", ": delivered");
      await().atMost(PATIENCE).until(() -> !sink.seen("/hook").isEmpty());

      open("/settings?lang=fr");
      find("#send-test").click();
      shows("#notice", "Test envoyé :");
      shows("#notice", ": remis");
      await().atMost(PATIENCE).until(() -> sink.seen("/hook").size() >= 2);
    }
  }

  @Test
  @Order(5)
  void screenshotsAtDesktopAndPhoneWidth() throws Exception {
    logIn();
    for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
      browser.size(size);
      open("/settings?lang=en");
      assertThat(text("h1")).isEqualTo("Settings");
      browser.screenshot("settings-" + (size == Browser.DESKTOP ? "desktop" : "phone"));
      assertThat(browser.errors()).isEmpty();
    }
    open("/settings?lang=fr");
    assertThat(text("h1")).isEqualTo("Réglages");
    browser.size(Browser.DESKTOP);
  }
}
