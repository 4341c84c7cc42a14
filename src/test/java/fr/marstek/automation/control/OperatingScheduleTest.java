package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.control.OperatingSchedule.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatingScheduleTest {

  private final OperatingSchedule seed = OperatingSchedule.ofHours(6, 22);

  private static Instant paris(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-01T05:59:59, NIGHT",
    "2026-12-01T06:00:00, DAY",
    "2026-12-01T21:59:59, DAY",
    "2026-12-01T22:00:00, NIGHT",
    "2026-12-01T23:40:00, NIGHT",
    "2026-07-01T12:00:00, DAY",
    "2026-03-29T03:30:00, NIGHT",
    "2026-10-25T02:30:00, NIGHT"
  })
  void knowsDayAndNightInParisTime(String local, Period expected) {
    assertThat(seed.periodAt(paris(local))).isEqualTo(expected);
  }

  @Test
  void theSpringForwardNightIsSevenHoursLong() {
    Instant evening = paris("2026-03-28T22:00:00");

    Instant morning = seed.nextChange(evening);

    assertThat(Duration.between(evening, morning)).isEqualTo(Duration.ofHours(7));
    assertThat(morning).isEqualTo(paris("2026-03-29T06:00:00"));
  }

  @Test
  void theFallBackNightIsNineHoursLong() {
    Instant evening = paris("2026-10-24T22:00:00");

    Instant morning = seed.nextChange(evening);

    assertThat(Duration.between(evening, morning)).isEqualTo(Duration.ofHours(9));
  }

  @Test
  void aScheduleThatWrapsMidnightKeepsItsDayAcrossIt() {
    OperatingSchedule lateDay = OperatingSchedule.ofHours(8, 1);

    assertThat(lateDay.periodAt(paris("2026-12-01T00:30:00"))).isEqualTo(Period.DAY);
    assertThat(lateDay.periodAt(paris("2026-12-01T03:00:00"))).isEqualTo(Period.NIGHT);
    assertThat(lateDay.nextChange(paris("2026-12-01T00:30:00")))
        .isEqualTo(paris("2026-12-01T01:00:00"));
  }

  @Test
  void nightEndIsTheComingMorningFromAnyHour() {
    assertThat(seed.nightEnd(paris("2026-12-01T23:40:00"))).isEqualTo(paris("2026-12-02T06:00:00"));
    assertThat(seed.nightEnd(paris("2026-12-01T14:00:00"))).isEqualTo(paris("2026-12-02T06:00:00"));
    assertThat(seed.nightEnd(paris("2026-12-02T03:00:00"))).isEqualTo(paris("2026-12-02T06:00:00"));
  }

  @Test
  void refusesAnEmptyDay() {
    assertThatThrownBy(() -> OperatingSchedule.ofHours(6, 6)).hasMessageContaining("must differ");
  }
}
