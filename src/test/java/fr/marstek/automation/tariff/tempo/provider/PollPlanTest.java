package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollPlanTest {

  private final PollPlan plan =
      new PollPlan(
          Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ZERO);

  private static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Paris")).toInstant();
  }

  private static TempoOutlook outlook(String today, TempoColour tomorrow) {
    return new TempoOutlook(
        LocalDate.parse(today), TempoColour.BLUE, tomorrow, Optional.empty(), false);
  }

  @Test
  void whileTomorrowIsUnknownAsksEveryThirtyMinutes() {
    Instant now = paris("2026-01-28T06:05:00");

    Instant next =
        plan.next(now, outlook("2026-01-28", TempoColour.UNKNOWN), Optional.empty(), 0, 0);

    assertThat(next).isEqualTo(paris("2026-01-28T06:35:00"));
  }

  @ParameterizedTest
  @CsvSource({
    // read at, now, next poll: after binding 10:35, then after 11:30, then next morning 06:05
    "2026-01-28T07:10:00, 2026-01-28T07:10:00, 2026-01-28T10:35:00",
    "2026-01-28T10:35:00, 2026-01-28T10:35:00, 2026-01-28T11:30:00",
    "2026-01-28T11:30:00, 2026-01-28T11:30:00, 2026-01-29T06:05:00",
    "2026-03-28T11:30:00, 2026-03-28T11:30:00, 2026-03-29T06:05:00",
    "2026-10-24T12:00:00, 2026-10-24T12:00:00, 2026-10-25T06:05:00"
  })
  void onceTomorrowIsKnownRereadsAfterTheBindingPublicationThenWaitsForTheMorning(
      String readAt, String now, String expected) {
    String today = readAt.substring(0, 10);

    Instant next =
        plan.next(paris(now), outlook(today, TempoColour.RED), Optional.of(paris(readAt)), 0, 0);

    assertThat(next).isEqualTo(paris(expected));
  }

  @Test
  void failingSourcesAreRetriedWithExponentialBackoffUpToThirtyMinutes() {
    assertThat(plan.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(plan.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(plan.backoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(plan.backoff(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(plan.backoff(60)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void jitterSpreadsPollsLaterByAtMostTheConfiguredJitter() {
    var jittered = PollPlan.standard();
    Instant now = paris("2026-01-28T06:05:00");

    Instant next =
        jittered.next(now, outlook("2026-01-28", TempoColour.UNKNOWN), Optional.empty(), 0, 0.5);

    assertThat(next).isEqualTo(paris("2026-01-28T06:36:30"));
  }
}
