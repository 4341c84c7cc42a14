package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PublicProvidersTest {

  private final LocalHttpServer server = new LocalHttpServer();
  private final TempoHttp http = new TempoHttp(Duration.ofSeconds(5));
  private final RtePublicProvider rtePublic =
      new RtePublicProvider(http, JsonMapper.builder().build(), server.url("/cms/open_data/v1"));
  private final CouleurTempoProvider couleur =
      new CouleurTempoProvider(http, JsonMapper.builder().build(), server.url("/api/"));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rtePublicReadsRecentDaysAndIgnoresTheFallbackKeys() throws Exception {
    server.always("/cms/open_data/v1/tempoLight", Reply.fixture("rte-public-tempoLight.json"));

    TodayAndTomorrow yesterday = rtePublic.colours(LocalDate.of(2026, 1, 27));
    TodayAndTomorrow today = rtePublic.colours(LocalDate.of(2026, 1, 28));

    assertThat(yesterday)
        .isEqualTo(
            new TodayAndTomorrow(LocalDate.of(2026, 1, 27), TempoColour.WHITE, TempoColour.RED));
    assertThat(today.todayColour()).isEqualTo(TempoColour.RED);
    assertThat(today.tomorrowColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(server.seen("/cms/open_data/v1/tempo")).isEmpty();
  }

  @Test
  void rtePublicReadsTheSeasonWhenTodayIsNotAmongTheRecentDays() throws Exception {
    server.always("/cms/open_data/v1/tempoLight", Reply.fixture("rte-public-tempoLight.json"));
    server.always("/cms/open_data/v1/tempo", Reply.fixture("rte-public-season-excerpt.json"));

    TodayAndTomorrow answer = rtePublic.colours(LocalDate.of(2025, 1, 10));

    assertThat(answer)
        .isEqualTo(
            new TodayAndTomorrow(LocalDate.of(2025, 1, 10), TempoColour.RED, TempoColour.BLUE));
    assertThat(server.seen("/cms/open_data/v1/tempo").getFirst().rawQuery())
        .isEqualTo("season=2024-2025");
  }

  @Test
  void rtePublicBlockingUsIsAFailureThatNamesTheStatus() {
    server.always("/cms/open_data/v1/tempoLight", Reply.status(403));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> rtePublic.colours(LocalDate.of(2026, 1, 28)));

    assertThat(failure.getMessage()).contains("RTE public JSON", "403");
    assertThat(failure.retryable()).isFalse();
  }

  @Test
  void couleurTempoAsksEachDayByDateAndReadsCodeZeroAsUnknown() throws Exception {
    server.always("/api/jourTempo/2025-01-10", Reply.fixture("acte-jourTempo-today.json"));
    server.always(
        "/api/jourTempo/2025-01-11", Reply.fixture("acte-jourTempo-tomorrow-unknown.json"));

    TodayAndTomorrow answer = couleur.colours(LocalDate.of(2025, 1, 10));

    assertThat(answer)
        .isEqualTo(
            new TodayAndTomorrow(LocalDate.of(2025, 1, 10), TempoColour.RED, TempoColour.UNKNOWN));
  }

  @Test
  void couleurTempoReadsWhite() throws Exception {
    server.always("/api/jourTempo/2026-01-27", Reply.fixture("acte-jourTempo-by-date.json"));
    server.always(
        "/api/jourTempo/2026-01-28",
        Reply.json(
            200,
            "{\"dateJour\":\"2026-01-28\",\"codeJour\":3,\"periode\":\"2025-2026\","
                + "\"libCouleur\":\"Rouge\"}"));

    TodayAndTomorrow answer = couleur.colours(LocalDate.of(2026, 1, 27));

    assertThat(answer.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(answer.tomorrowColour()).isEqualTo(TempoColour.RED);
  }

  @Test
  void couleurTempoAnsweringForAnotherDayIsAFailure() {
    server.always("/api/jourTempo/2025-01-09", Reply.fixture("acte-jourTempo-today.json"));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> couleur.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.getMessage()).contains("2025-01-10", "2025-01-09");
  }
}
