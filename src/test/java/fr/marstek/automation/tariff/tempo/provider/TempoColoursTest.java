package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.tariff.tempo.ProviderHealth;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The fallback chain over three real local servers, one per provider. */
class TempoColoursTest {

  static final String CALENDARS = RteOfficialProviderTest.CALENDARS;
  static final String TOKEN = RteOfficialProviderTest.TOKEN;
  static final String LIGHT = "/cms/open_data/v1/tempoLight";

  private final LocalHttpServer rte = new LocalHttpServer();
  private final LocalHttpServer rtePublic = new LocalHttpServer();
  private final LocalHttpServer couleur = new LocalHttpServer();
  private final MutableClock clock = MutableClock.atParis("2026-01-28T12:00:00");
  private final InMemoryColourCache cache = new InMemoryColourCache();

  @AfterEach
  void stop() {
    rte.close();
    rtePublic.close();
    couleur.close();
  }

  private Map<String, String> variables() {
    Map<String, String> v = new HashMap<>();
    v.put("RTE_CLIENT_ID", "client-id-1");
    v.put("RTE_CLIENT_SECRET", "s3cr3t-client-secret-value");
    v.put("TEMPO_RTE_API_URL", rte.url("/open_api/tempo_like_supply_contract/v1").toString());
    v.put("TEMPO_RTE_TOKEN_URL", rte.url(TOKEN).toString());
    v.put("TEMPO_RTE_PUBLIC_URL", rtePublic.url("/cms/open_data/v1").toString());
    v.put("TEMPO_COULEUR_API_URL", couleur.url("/api").toString());
    v.put("TEMPO_HTTP_TIMEOUT_SECONDS", "5");
    return v;
  }

  private TempoColours colours(Map<String, String> values) {
    var variables = new Variables(values);
    TempoSettings settings = TempoSettings.from(variables);
    variables.check();
    var json = JsonMapper.builder().build();
    var http = new TempoHttp(settings.timeout());
    return new TempoColours(
        TempoProvidersConfiguration.providers(settings, http, json, clock),
        cache,
        clock,
        settings.enabled());
  }

  private void couleurSays(String day, int code) {
    couleur.always(
        "/api/jourTempo/" + day,
        Reply.json(200, "{\"dateJour\":\"" + day + "\",\"codeJour\":" + code + "}"));
  }

  private static ProviderHealth health(TempoColours colours, String name) {
    return colours.health().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void whenRteIsDownTheNextProvidersAnswerAndHealthRecordsIt() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.status(503));
    rtePublic.always(LIGHT, Reply.fixture("rte-public-tempoLight.json"));
    couleurSays("2026-01-28", 3);
    couleurSays("2026-01-29", 2);
    TempoColours colours = colours(variables());

    TempoOutlook outlook = colours.refresh();

    assertThat(outlook.todayColour()).isEqualTo(TempoColour.RED);
    assertThat(outlook.tomorrowColour()).isEqualTo(TempoColour.WHITE);
    assertThat(outlook.unknownReason()).isEmpty();
    assertThat(colours.sourceOf(LocalDate.of(2026, 1, 28))).contains("rte-public");
    assertThat(colours.sourceOf(LocalDate.of(2026, 1, 29))).contains("couleur-tempo");
    assertThat(health(colours, "rte").failuresInARow()).isEqualTo(1);
    assertThat(health(colours, "rte").lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("503"));
    assertThat(health(colours, "rte-public").lastSuccess()).contains(clock.instant());
    assertThat(health(colours, "couleur-tempo").healthy()).isTrue();
  }

  @Test
  void whenEveryProviderIsDownBothDaysAreUnknownWithTheReasons() {
    rte.close();
    rtePublic.always(LIGHT, Reply.status(500));
    couleur.always("/api/jourTempo/2026-01-28", Reply.status(502));
    TempoColours colours = colours(variables());

    TempoOutlook outlook = colours.refresh();

    assertThat(outlook.todayColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(outlook.tomorrowColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(outlook.sourcesFailing()).isTrue();
    assertThat(outlook.unknownReason())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .contains("no provider could tell", "rte: ", "unreachable")
                    .contains("rte-public: RTE public JSON answered HTTP 500")
                    .contains("couleur-tempo: api-couleur-tempo answered HTTP 502"));
    assertThat(colours.health()).allSatisfy(h -> assertThat(h.healthy()).isFalse());
  }

  @Test
  void tomorrowNotYetPublishedAnywhereIsUnknownAndSaysSo() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.fixture("rte-calendars-200-tomorrow-not-published.json"));
    rtePublic.always(LIGHT, Reply.json(200, "{\"values\":{\"2025-01-09\":\"WHITE\"}}"));
    couleurSays("2025-01-09", 2);
    couleurSays("2025-01-10", 0);
    clock.setParis("2025-01-09T08:00:00");
    TempoColours colours = colours(variables());

    TempoOutlook outlook = colours.refresh();

    assertThat(outlook.today()).isEqualTo(LocalDate.of(2025, 1, 9));
    assertThat(outlook.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(outlook.tomorrowColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(outlook.tomorrowPublished()).isFalse();
    assertThat(outlook.sourcesFailing()).isFalse();
    assertThat(outlook.unknownReason())
        .contains("not published yet by rte, rte-public, couleur-tempo");
  }

  @Test
  void anRteEntryWithoutValueIsFilledByTheNextProvider() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.fixture("rte-calendars-200-missing-value.json"));
    rtePublic.always(
        LIGHT, Reply.json(200, "{\"values\":{\"2022-12-27\":\"BLUE\",\"2022-12-28\":\"BLUE\"}}"));
    clock.setParis("2022-12-27T12:00:00");
    TempoColours colours = colours(variables());

    TempoOutlook outlook = colours.refresh();

    assertThat(outlook.tomorrowColour()).isEqualTo(TempoColour.BLUE);
    assertThat(colours.sourceOf(LocalDate.of(2022, 12, 27))).contains("rte");
    assertThat(colours.sourceOf(LocalDate.of(2022, 12, 28))).contains("rte-public");
    assertThat(couleur.seen()).isEmpty();
  }

  @Test
  void theTempoDayChangesAtSixNotAtMidnight() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.fixture("rte-calendars-200-fallback-status.json"));
    clock.setParis("2026-01-28T05:59:00");
    TempoColours colours = colours(variables());

    TempoOutlook beforeSix = colours.refresh();
    clock.setParis("2026-01-28T06:00:00");
    TempoOutlook atSix = colours.outlook();

    assertThat(beforeSix.today()).isEqualTo(LocalDate.of(2026, 1, 27));
    assertThat(beforeSix.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(beforeSix.tomorrowColour()).isEqualTo(TempoColour.RED);
    assertThat(rte.seen(CALENDARS).getFirst().rawQuery()).startsWith("start_date=2026-01-27T");
    assertThat(atSix.today()).isEqualTo(LocalDate.of(2026, 1, 28));
    assertThat(atSix.todayColour()).isEqualTo(TempoColour.RED);
  }

  @Test
  void onTheSpringDstMorningTheDayStillChangesAtLocalSix() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(
        CALENDARS,
        Reply.json(
            200,
            """
            {"tempo_like_calendars":{"values":[
             {"start_date":"2026-03-28T00:00:00+01:00","end_date":"2026-03-29T00:00:00+01:00","value":"WHITE"},
             {"start_date":"2026-03-29T00:00:00+01:00","end_date":"2026-03-30T00:00:00+02:00","value":"BLUE"},
             {"start_date":"2026-03-30T00:00:00+02:00","end_date":"2026-03-31T00:00:00+02:00","value":"RED"}]}}"""));
    clock.setParis("2026-03-29T05:30:00");
    TempoColours colours = colours(variables());

    TempoOutlook halfPastFive = colours.refresh();
    clock.setParis("2026-03-29T06:00:00");
    TempoOutlook six = colours.refresh();

    assertThat(halfPastFive.today()).isEqualTo(LocalDate.of(2026, 3, 28));
    assertThat(halfPastFive.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(six.today()).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(six.todayColour()).isEqualTo(TempoColour.BLUE);
    assertThat(six.tomorrowColour()).isEqualTo(TempoColour.RED);
    assertThat(rte.seen(CALENDARS).getLast().rawQuery())
        .startsWith("start_date=2026-03-29T00:00:00%2B01:00&end_date=2026-03-31T00:00:00%2B02:00");
  }

  @Test
  void onTheAutumnDstMorningTheDayStillChangesAtLocalSix() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(
        CALENDARS,
        Reply.json(
            200,
            """
            {"tempo_like_calendars":{"values":[
             {"start_date":"2026-10-24T00:00:00+02:00","end_date":"2026-10-25T00:00:00+02:00","value":"WHITE"},
             {"start_date":"2026-10-25T00:00:00+02:00","end_date":"2026-10-26T00:00:00+01:00","value":"BLUE"},
             {"start_date":"2026-10-26T00:00:00+01:00","end_date":"2026-10-27T00:00:00+01:00","value":"WHITE"}]}}"""));
    clock.setParis("2026-10-25T05:59:00");
    TempoColours colours = colours(variables());

    TempoOutlook beforeSix = colours.refresh();
    clock.setParis("2026-10-25T06:00:00");
    TempoOutlook six = colours.refresh();

    assertThat(beforeSix.today()).isEqualTo(LocalDate.of(2026, 10, 24));
    assertThat(beforeSix.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(six.today()).isEqualTo(LocalDate.of(2026, 10, 25));
    assertThat(six.todayColour()).isEqualTo(TempoColour.BLUE);
    assertThat(six.tomorrowColour()).isEqualTo(TempoColour.WHITE);
    assertThat(rte.seen(CALENDARS).getLast().rawQuery())
        .startsWith("start_date=2026-10-25T00:00:00%2B02:00&end_date=2026-10-27T00:00:00%2B01:00");
  }

  @Test
  void aColourReadBeforeTenThirtyIsProvisionalAndReadAgainUntilHalfPastEleven() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.fixture("rte-calendars-200-fallback-status.json"));
    clock.setParis("2026-01-27T08:00:00");
    TempoColours colours = colours(variables());

    colours.refresh();
    boolean cachedEarly = cache.load(LocalDate.of(2026, 1, 28)).isPresent();
    clock.setParis("2026-01-27T10:35:00");
    colours.refresh();
    clock.setParis("2026-01-27T11:30:00");
    colours.refresh();
    clock.setParis("2026-01-27T14:00:00");
    colours.refresh();

    assertThat(cachedEarly).isFalse();
    assertThat(cache.load(LocalDate.of(2026, 1, 28))).contains(TempoColour.RED);
    assertThat(cache.load(LocalDate.of(2026, 1, 27))).contains(TempoColour.WHITE);
    assertThat(rte.seen(CALENDARS)).hasSize(3);
  }

  @Test
  void aRateLimitedProviderIsSkippedUntilItsRetryAfter() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.status(429).withHeader("Retry-After", "600"));
    rtePublic.always(LIGHT, Reply.status(503));
    couleur.always("/api/jourTempo/2026-01-28", Reply.status(503));
    TempoColours colours = colours(variables());

    colours.refresh();
    clock.advance(Duration.ofMinutes(5));
    TempoOutlook skipped = colours.refresh();
    clock.advance(Duration.ofMinutes(6));
    colours.refresh();

    assertThat(rte.seen(CALENDARS)).hasSize(2);
    assertThat(skipped.unknownReason())
        .hasValueSatisfying(r -> assertThat(r).contains("rte: asked to wait"));
    assertThat(health(colours, "rte").pausedUntil()).isPresent();
  }

  @Test
  void followsTheConfiguredOrderAndSkipsRteWithoutCredentials() {
    rtePublic.always(LIGHT, Reply.fixture("rte-public-tempoLight.json"));
    couleurSays("2026-01-28", 3);
    couleurSays("2026-01-29", 1);
    Map<String, String> values = variables();
    values.remove("RTE_CLIENT_ID");
    values.remove("RTE_CLIENT_SECRET");
    values.put("TEMPO_PROVIDERS", "couleur-tempo, rte, rte-public");
    TempoColours colours = colours(values);

    TempoOutlook outlook = colours.refresh();

    assertThat(colours.providerNames()).containsExactly("couleur-tempo", "rte-public");
    assertThat(outlook.tomorrowColour()).isEqualTo(TempoColour.BLUE);
    assertThat(rtePublic.seen()).isEmpty();
    assertThat(rte.seen()).isEmpty();
  }

  @Test
  void tempoTurnedOffAsksNobodyAndSaysWhy() {
    rtePublic.always(LIGHT, Reply.fixture("rte-public-tempoLight.json"));
    Map<String, String> values = variables();
    values.put("TEMPO_ENABLED", "false");
    TempoColours colours = colours(values);

    TempoOutlook outlook = colours.refresh();

    assertThat(colours.enabled()).isFalse();
    assertThat(outlook.todayColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(outlook.unknownReason()).contains("Tempo is turned off (TEMPO_ENABLED=false)");
    assertThat(colours.health()).isEmpty();
    assertThat(rte.seen()).isEmpty();
    assertThat(rtePublic.seen()).isEmpty();
    assertThat(couleur.seen()).isEmpty();
  }

  @Test
  void countsTheSeasonFromKnownDaysThroughTodayAndSaysWhenHistoryIsIncomplete() {
    rtePublic.always(LIGHT, Reply.fixture("rte-public-tempoLight.json"));
    couleurSays("2026-01-29", 2);
    cache.store(LocalDate.of(2026, 1, 26), TempoColour.RED, "history");
    TempoColours colours = colours(variables());
    colours.refresh();

    var tally = colours.seasonTally();

    assertThat(tally.season().toString()).isEqualTo("2025-2026");
    assertThat(tally.used(TempoColour.RED)).isEqualTo(2);
    assertThat(tally.left(TempoColour.RED)).isEqualTo(20);
    assertThat(tally.used(TempoColour.WHITE)).isZero();
    assertThat(tally.knownDays()).isEqualTo(2);
    assertThat(tally.elapsedDays()).isEqualTo(150);
    assertThat(tally.complete()).isFalse();
  }
}
