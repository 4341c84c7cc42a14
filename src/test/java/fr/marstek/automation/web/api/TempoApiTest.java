package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
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
 * GET /api/v1/tempo over real HTTP, with the three providers pointed at real local servers: RTE is
 * down, RTE's public JSON knows today, nobody knows tomorrow yet.
 */
@ServiceTest(
    properties = {
      "RTE_CLIENT_ID=client-id-1",
      "RTE_CLIENT_SECRET=s3cr3t-client-secret-value",
      // named, so that the demo's simulated calendar stays out
      "TEMPO_PROVIDERS=rte,rte-public,couleur-tempo"
    })
class TempoApiTest {

  static final LocalHttpServer RTE = new LocalHttpServer();
  static final LocalHttpServer RTE_PUBLIC = new LocalHttpServer();
  static final LocalHttpServer COULEUR = new LocalHttpServer();

  static {
    RTE.always("/token/oauth/", Reply.fixture("rte-token-200.json"));
    RTE.always("/v1/tempo_like_calendars", Reply.status(503));
    RTE_PUBLIC.always("/v1/tempoLight", Reply.fixture("rte-public-tempoLight.json"));
    COULEUR.always(
        "/api/jourTempo/2026-01-28",
        Reply.json(200, "{\"dateJour\":\"2026-01-28\",\"codeJour\":3}"));
    COULEUR.always(
        "/api/jourTempo/2026-01-29",
        Reply.json(200, "{\"dateJour\":\"2026-01-29\",\"codeJour\":0}"));
  }

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("TEMPO_RTE_API_URL", () -> RTE.url("/v1").toString());
    registry.add("TEMPO_RTE_TOKEN_URL", () -> RTE.url("/token/oauth/").toString());
    registry.add("TEMPO_RTE_PUBLIC_URL", () -> RTE_PUBLIC.url("/v1").toString());
    registry.add("TEMPO_COULEUR_API_URL", () -> COULEUR.url("/api").toString());
    registry.add("DATABASE_URL", () -> "");
    registry.add("DATABASE_FILE", TempoApiTest::freshDatabaseFile);
  }

  // Colours are kept in the history store: each run starts from an empty one.
  static String freshDatabaseFile() {
    try {
      return java.nio.file.Files.createTempDirectory("tempo-api").resolve("history.db").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource tempoTestClock() {
      return MutableClock.atParis("2026-01-28T12:00:00");
    }
  }

  @AfterAll
  static void stopServers() {
    RTE.close();
    RTE_PUBLIC.close();
    COULEUR.close();
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode tempo() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tempo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void showsTodaysColourFromTheFallbackAndTomorrowAsNotPublished() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tempo().get("today").get("colour").asString().equals("RED"));

    JsonNode tempo = tempo();

    assertThat(tempo.get("today").get("date").asString()).isEqualTo("2026-01-28");
    assertThat(tempo.get("today").get("source").asString()).isEqualTo("rte-public");
    assertThat(tempo.get("today").get("starts_at").asString())
        .isEqualTo("2026-01-28T06:00:00+01:00");
    assertThat(tempo.get("tomorrow").get("date").asString()).isEqualTo("2026-01-29");
    assertThat(tempo.get("tomorrow").get("colour").asString()).isEqualTo("UNKNOWN");
    assertThat(tempo.get("tomorrow_published").asBoolean()).isFalse();
    assertThat(tempo.get("unknown_reason").asString()).contains("not published yet", "503");
  }

  @Test
  void showsThePeakPeriodWithTheRedPriceAndTheSixPricesInForce() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tempo().get("today").get("colour").asString().equals("RED"));

    JsonNode tempo = tempo();

    JsonNode period = tempo.get("current_period");
    assertThat(period.get("name").asString()).isEqualTo("HP");
    assertThat(period.get("peak").asBoolean()).isTrue();
    assertThat(period.get("price_eur_per_kwh").asDouble()).isEqualTo(0.6468);
    assertThat(period.get("to").asString()).isEqualTo("2026-01-28T22:00:00+01:00");
    JsonNode prices = tempo.get("prices");
    assertThat(prices.get("valid_from").asString()).isEqualTo("2025-08-01");
    assertThat(prices.get("blue_hc").asDouble()).isEqualTo(0.1232);
    assertThat(prices.get("red_hp").asDouble()).isEqualTo(0.6468);
  }

  @Test
  void countsTheSeasonFromWhatIsKnownAndSaysItIsIncomplete() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tempo().get("today").get("colour").asString().equals("RED"));

    JsonNode season = tempo().get("season");

    assertThat(season.get("name").asString()).isEqualTo("2025-2026");
    assertThat(season.get("complete").asBoolean()).isFalse();
    assertThat(season.get("known_days").asInt()).isEqualTo(1);
    assertThat(season.get("elapsed_days").asInt()).isEqualTo(150);
    assertThat(season.get("red").get("used").asInt()).isEqualTo(1);
    assertThat(season.get("red").get("left").asInt()).isEqualTo(21);
    assertThat(season.get("white").get("quota").asInt()).isEqualTo(43);
  }

  @Test
  void reportsEachProvidersHealthInOrder() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tempo().get("today").get("colour").asString().equals("RED"));

    JsonNode providers = tempo().get("providers");

    assertThat(providers).hasSize(3);
    assertThat(providers.get(0).get("name").asString()).isEqualTo("rte");
    assertThat(providers.get(0).get("healthy").asBoolean()).isFalse();
    assertThat(providers.get(0).get("last_error").asString()).contains("maintenance", "503");
    assertThat(providers.get(1).get("name").asString()).isEqualTo("rte-public");
    assertThat(providers.get(1).get("healthy").asBoolean()).isTrue();
    assertThat(providers.get(1).get("last_success").asString())
        .isEqualTo("2026-01-28T12:00:00+01:00");
    assertThat(providers.get(2).get("name").asString()).isEqualTo("couleur-tempo");
    assertThat(providers.toString()).doesNotContain("s3cr3t", "FIXTURE-rte-access-token");
  }
}
