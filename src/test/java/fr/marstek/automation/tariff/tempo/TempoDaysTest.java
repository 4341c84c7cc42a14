package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TempoDaysTest {

  @ParameterizedTest
  @CsvSource({
    "2026-01-28T05:59:00+01:00, 2026-01-27, true",
    "2026-01-28T06:00:00+01:00, 2026-01-28, false",
    "2026-01-28T21:59:00+01:00, 2026-01-28, false",
    "2026-01-28T22:00:00+01:00, 2026-01-28, true",
    "2026-01-29T05:59:00+01:00, 2026-01-28, true",
    "2026-03-29T01:30:00+01:00, 2026-03-28, true",
    "2026-03-29T03:30:00+02:00, 2026-03-28, true",
    "2026-03-29T06:30:00+02:00, 2026-03-29, false",
    "2026-10-25T02:30:00+02:00, 2026-10-24, true",
    "2026-10-25T02:30:00+01:00, 2026-10-24, true",
    "2026-10-25T06:00:00+01:00, 2026-10-25, false",
  })
  void placesEachInstantInItsTempoDayAndPeriod(String at, LocalDate day, boolean offPeak) {
    Instant t = OffsetDateTime.parse(at).toInstant();

    assertThat(TempoDays.tempoDayOf(t)).isEqualTo(day);
    assertThat(TempoDays.isOffPeak(t)).isEqualTo(offPeak);
  }

  @ParameterizedTest
  @CsvSource({"2026-03-28, 23", "2026-03-29, 24", "2026-10-24, 25", "2026-10-25, 24"})
  void tempoDaysAroundTheClockChangesLastTwentyThreeOrTwentyFiveHours(LocalDate day, int hours) {
    assertThat(TempoDays.length(day)).isEqualTo(Duration.ofHours(hours));
    assertThat(TempoDays.tempoDayOf(TempoDays.start(day))).isEqualTo(day);
    assertThat(TempoDays.tempoDayOf(TempoDays.end(day).minusSeconds(1))).isEqualTo(day);
  }

  @ParameterizedTest
  @CsvSource({"2026-03-28, 15", "2026-10-24, 17", "2026-01-28, 16"})
  void peakHoursStayFrom0600To2200LocalTimeOnEveryDay(LocalDate day, int peakHours) {
    Duration peak = Duration.between(TempoDays.start(day), TempoDays.offPeakStart(day));

    assertThat(peak).isEqualTo(Duration.ofHours(16));
    assertThat(Duration.between(TempoDays.offPeakStart(day), TempoDays.end(day)).toHours())
        .isEqualTo(TempoDays.length(day).toHours() - 16);
    assertThat(peakHours).isPositive();
  }
}
