package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A missed price change is seen: with only the built-in grids (newest 2026-08-01), /health and the
 * Settings page say so from six months after it, on the test clock.
 */
@ServiceTest(properties = {"TEMPO_ENABLED=false"})
class OutdatedPricesTest {

  static final MutableClock CLOCK = MutableClock.atParis("2027-02-01T12:00:00");

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = java.nio.file.Files.createTempDirectory("outdated-prices");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource testClock() {
      return CLOCK;
    }
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthAndTheSettingsPageSayWhenTheNewestGridIsMoreThanSixMonthsOld() throws Exception {
    JsonNode onTheLastDay = json.readTree(get("/health").body()).get("prices");
    String settingsBefore = get("/settings").body();

    CLOCK.advance(Duration.ofDays(1));
    JsonNode dayAfter = json.readTree(get("/health").body()).get("prices");
    String settingsAfter = get("/settings").body();

    assertThat(onTheLastDay.get("newest_grid").asString()).isEqualTo("2026-08-01");
    assertThat(onTheLastDay.get("outdated").asBoolean()).isFalse();
    assertThat(settingsBefore).doesNotContain("prices-outdated");
    assertThat(dayAfter.get("outdated").asBoolean()).isTrue();
    assertThat(settingsAfter).contains("id=\"prices-outdated\"").contains("2026-08-01");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept-Language", "en")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
