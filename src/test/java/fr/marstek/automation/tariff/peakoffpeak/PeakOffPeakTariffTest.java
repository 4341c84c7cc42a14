package fr.marstek.automation.tariff.peakoffpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeakOffPeakTariffTest {

  private final Tariff tariff = new PeakOffPeakTariff(22, 6, Price.of(0.25), Price.of(0.15));

  @ParameterizedTest
  @CsvSource({
    "2026-01-28T21:59:00+01:00, 0.25, HP, 2026-01-28",
    "2026-01-28T22:00:00+01:00, 0.15, HC, 2026-01-28",
    "2026-01-29T05:59:00+01:00, 0.15, HC, 2026-01-28",
    "2026-01-29T06:00:00+01:00, 0.25, HP, 2026-01-29",
  })
  void everyHourHasItsPriceKnownInAdvanceAndTheNightBelongsToTheDayBefore(
      String at, double eurPerKwh, String name, LocalDate day) {
    Instant t = OffsetDateTime.parse(at).toInstant();
    PricePeriod period = tariff.periodAt(t).orElseThrow();

    assertThat(period.price().eurPerKwh()).isEqualTo(eurPerKwh);
    assertThat(period.name()).isEqualTo(name);
    assertThat(period.contains(t)).isTrue();
    assertThat(tariff.dayOf(t)).isEqualTo(day);
    assertThat(tariff.isOffPeak(t)).isEqualTo(name.equals("HC"));
    assertThat(tariff.kindOf(day.plusDays(400))).contains(PeakOffPeakTariff.Day.ORDINARY);
    assertThat(
            tariff
                .pricesOn(day)
                .orElseThrow()
                .price(tariff.kindOf(day).orElseThrow(), name.equals("HC"))
                .eurPerKwh())
        .isEqualTo(eurPerKwh);
  }

  @Test
  void periodsChangeAtTheContractsHoursAndTheDaysFollowTheClockChange() {
    Instant evening = OffsetDateTime.parse("2026-03-28T21:30:00+01:00").toInstant();

    assertThat(tariff.nextPeriodChange(evening))
        .isEqualTo(OffsetDateTime.parse("2026-03-28T22:00:00+01:00").toInstant());
    assertThat(
            tariff.nextPeriodChange(OffsetDateTime.parse("2026-03-28T22:00:00+01:00").toInstant()))
        .isEqualTo(OffsetDateTime.parse("2026-03-29T06:00:00+02:00").toInstant());
    // the night the clocks go forward is an hour short
    LocalDate saturday = LocalDate.of(2026, 3, 28);
    assertThat(Duration.between(tariff.dayStart(saturday), tariff.dayEnd(saturday)))
        .isEqualTo(Duration.ofHours(23));
  }

  @Test
  void noDayIsCriticalAndThePricesAreTheSameWhicheverWayTheyAreAsked() {
    var prices = tariff.pricesOn(LocalDate.of(2026, 1, 28)).orElseThrow();

    assertThat(tariff.kinds()).containsExactly(PeakOffPeakTariff.Day.ORDINARY);
    assertThat(tariff.worstCase(LocalDate.of(2026, 1, 28)).isCritical()).isFalse();
    assertThat(prices.cheapestOffPeak()).isEqualTo(Price.of(0.15));
    assertThat(prices.cheapestPeak()).isEqualTo(prices.dearestPeak()).isEqualTo(Price.of(0.25));
  }

  @Test
  void offPeakHoursThatDoNotRunOverMidnightAreRefused() {
    assertThatThrownBy(() -> new PeakOffPeakTariff(1, 7, Price.of(0.25), Price.of(0.15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over midnight");
  }
}
