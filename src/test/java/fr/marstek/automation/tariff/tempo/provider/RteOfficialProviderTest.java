package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import fr.marstek.automation.testing.LocalHttpServer;
import fr.marstek.automation.testing.LocalHttpServer.Reply;
import fr.marstek.automation.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class RteOfficialProviderTest {

  static final String CALENDARS = "/open_api/tempo_like_supply_contract/v1/tempo_like_calendars";
  static final String TOKEN = "/token/oauth/";
  static final String SECRET = "s3cr3t-client-secret-value";

  private final LocalHttpServer rte = new LocalHttpServer();
  private final MutableClock clock = MutableClock.atParis("2025-01-09T12:00:00");
  private final RteToken token =
      new RteToken(
          new TempoHttp(Duration.ofSeconds(5)),
          JsonMapper.builder().build(),
          rte.url(TOKEN),
          new TempoSettings.RteCredentials("client-id-1", SECRET),
          clock);
  private final RteOfficialProvider provider =
      new RteOfficialProvider(
          new TempoHttp(Duration.ofSeconds(5)),
          JsonMapper.builder().build(),
          token,
          rte.url("/open_api/tempo_like_supply_contract/v1"));

  @AfterEach
  void stop() {
    rte.close();
  }

  private LocalHttpServer.Reply calendars(String fixture) {
    return Reply.fixture("rte-calendars-200-" + fixture + ".json");
  }

  @Test
  void fetchesATokenWithBasicAuthAndKeepsItUntilFiveMinutesBeforeItExpires() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("tomorrow-not-published"));

    provider.colours(LocalDate.of(2025, 1, 9));
    provider.colours(LocalDate.of(2025, 1, 9));

    var tokenCall = rte.seen(TOKEN).getFirst();
    String basic =
        Base64.getEncoder()
            .encodeToString(("client-id-1:" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(rte.seen(TOKEN)).hasSize(1);
    assertThat(tokenCall.method()).isEqualTo("POST");
    assertThat(tokenCall.header("Authorization")).isEqualTo("Basic " + basic);
    assertThat(tokenCall.body()).isEqualTo("grant_type=client_credentials");
    assertThat(token.expiresAt()).contains(clock.instant().plusSeconds(7200));
    assertThat(rte.seen(CALENDARS).getFirst().header("Authorization"))
        .isEqualTo("Bearer FIXTURE-rte-access-token-0123456789abcdef");

    clock.advance(Duration.ofMinutes(114));
    provider.colours(LocalDate.of(2025, 1, 9));
    assertThat(rte.seen(TOKEN)).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    provider.colours(LocalDate.of(2025, 1, 9));
    assertThat(rte.seen(TOKEN)).hasSize(2);
  }

  @Test
  void aRejectedTokenIsReplacedOnceAndTheCallRetried() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.then(CALENDARS, Reply.status(401), calendars("three-days"));

    TodayAndTomorrow answer = provider.colours(LocalDate.of(2023, 2, 28));

    assertThat(answer.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(answer.tomorrowColour()).isEqualTo(TempoColour.RED);
    assertThat(rte.seen(TOKEN)).hasSize(2);
    assertThat(rte.seen(CALENDARS)).hasSize(2);
  }

  @Test
  void aFreshTokenRefusedAgainIsAPermanentFailure() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.status(401));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).contains("RTE_CLIENT_ID");
    assertThat(rte.seen(CALENDARS)).hasSize(2);
  }

  @Test
  void badCredentialsSayWhatToCheckWithoutShowingTheSecret() {
    rte.always(TOKEN, Reply.status(401));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage())
        .contains("RTE_CLIENT_ID/RTE_CLIENT_SECRET", "401")
        .doesNotContain(SECRET, "client-id-1");
    assertThat(rte.seen(CALENDARS)).isEmpty();
  }

  @Test
  void asksFromTodaysLocalMidnightToTheDayAfterTomorrowWithEncodedParisOffsets() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("tomorrow-not-published"));

    provider.colours(LocalDate.of(2025, 1, 9));

    assertThat(rte.seen(CALENDARS).getFirst().rawQuery())
        .isEqualTo(
            "start_date=2025-01-09T00:00:00%2B01:00&end_date=2025-01-11T00:00:00%2B01:00"
                + "&fallback_status=true");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-29, start_date=2026-03-29T00:00:00%2B01:00&end_date=2026-03-31T00:00:00%2B02:00",
    "2026-10-25, start_date=2026-10-25T00:00:00%2B02:00&end_date=2026-10-27T00:00:00%2B01:00",
    "2026-03-28, start_date=2026-03-28T00:00:00%2B01:00&end_date=2026-03-30T00:00:00%2B02:00"
  })
  void onDstDaysTheTwoMidnightsCarryTheirOwnOffsets(LocalDate today, String query)
      throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("tomorrow-not-published"));

    provider.colours(today);

    assertThat(rte.seen(CALENDARS).getFirst().rawQuery())
        .isEqualTo(query + "&fallback_status=true");
  }

  @Test
  void readsNewestFirstDaysInDateOrder() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("three-days"));

    var days =
        RteCalendars.parse(
            LocalHttpServer.read("rte-calendars-200-three-days.json"),
            JsonMapper.builder().build());

    assertThat(days)
        .extracting(RteCalendars.Day::day, RteCalendars.Day::colour)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 2, 28), TempoColour.WHITE),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 3, 1), TempoColour.RED),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 3, 2), TempoColour.RED));
    assertThat(provider.colours(LocalDate.of(2023, 3, 1)))
        .isEqualTo(
            new TodayAndTomorrow(LocalDate.of(2023, 3, 1), TempoColour.RED, TempoColour.RED));
  }

  @Test
  void theMidnightIntervalAcrossTheSpringChangeIsTheColourOfTempoDayOfItsStart() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("dst-spring"));

    TodayAndTomorrow answer = provider.colours(LocalDate.of(2023, 3, 26));

    assertThat(answer)
        .isEqualTo(
            new TodayAndTomorrow(LocalDate.of(2023, 3, 26), TempoColour.BLUE, TempoColour.BLUE));
  }

  @Test
  void tomorrowAbsentFromTheAnswerIsUnknownNotBlue() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("tomorrow-not-published"));

    TodayAndTomorrow answer = provider.colours(LocalDate.of(2025, 1, 9));

    assertThat(answer.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(answer.tomorrowColour()).isEqualTo(TempoColour.UNKNOWN);
  }

  @Test
  void anEntryWithoutValueIsUnknown() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("missing-value"));

    TodayAndTomorrow answer = provider.colours(LocalDate.of(2022, 12, 27));

    assertThat(answer.todayColour()).isEqualTo(TempoColour.BLUE);
    assertThat(answer.tomorrowColour()).isEqualTo(TempoColour.UNKNOWN);
  }

  @Test
  void acceptsTheLegacyArrayShapeWithASingleValueObject() throws Exception {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, calendars("array-variant"));

    TodayAndTomorrow answer = provider.colours(LocalDate.of(2016, 3, 12));

    assertThat(answer.todayColour()).isEqualTo(TempoColour.BLUE);
  }

  @Test
  void readsTheFallbackFlagAsStringOrBoolean() throws Exception {
    var json = JsonMapper.builder().build();

    var strings =
        RteCalendars.parse(LocalHttpServer.read("rte-calendars-200-fallback-status.json"), json);
    var booleans =
        RteCalendars.parse(
            """
            {"tempo_like_calendars":{"values":[{"start_date":"2026-01-28T00:00:00+01:00",
             "end_date":"2026-01-29T00:00:00+01:00","value":"RED","fallback":true}]}}""",
            json);

    assertThat(strings).hasSize(3).allSatisfy(d -> assertThat(d.fallback()).isFalse());
    assertThat(strings.getLast().colour()).isEqualTo(TempoColour.RED);
    assertThat(booleans.getFirst().fallback()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "rte-error-400-F01.json, TMPLIKSUPCON_TMPLIKCAL_F01, Id-fixture0000000000000002",
    "rte-error-400-F03.json, TMPLIKSUPCON_TMPLIKCAL_F03, Id-fixture0000000000000003",
    "rte-error-400-F04.json, TMPLIKSUPCON_TMPLIKCAL_F04, Id-fixture0000000000000001"
  })
  void aFunctionalErrorIsTypedAndNeverRetried(String fixture, String code, String transaction) {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.errorFixture(400, fixture));

    var failure =
        catchThrowableOfType(
            RteErrors.FunctionalError.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.transactionId()).isEqualTo(transaction);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).contains(code, transaction);
    assertThat(rte.seen(CALENDARS)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "403, false, subscribe the application",
    "404, false, TEMPO_RTE_API_URL",
    "408, true, HTTP 408",
    "413, false, HTTP 413",
    "414, false, HTTP 414",
    "503, true, maintenance",
    "509, true, platform limit"
  })
  void eachTechnicalErrorSaysWhetherToRetry(int status, boolean retryable, String says) {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.status(status));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isEqualTo(retryable);
    assertThat(failure.getMessage()).contains(says);
  }

  @Test
  void tooManyCallsIsRetriedNoSoonerThanRetryAfter() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(CALENDARS, Reply.status(429).withHeader("Retry-After", "120"));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void aTechnicalErrorShowsRtesCodeFromErrorOrErrorCodeButNeverTheToken() {
    rte.always(TOKEN, Reply.fixture("rte-token-200.json"));
    rte.always(
        CALENDARS,
        Reply.json(
            500, "{\"error_code\":\"TECH_500\",\"error_description\":\"FIXTURE: backend down\"}"));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage())
        .contains("TECH_500", "backend down")
        .doesNotContain("FIXTURE-rte-access-token", SECRET);
  }

  @Test
  void anUnreachableServerIsARetryableFailure() {
    rte.close();

    var failure =
        catchThrowableOfType(
            ProviderFailure.class, () -> provider.colours(LocalDate.of(2025, 1, 9)));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("unreachable");
  }
}
