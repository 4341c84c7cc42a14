package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.PricePeriod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TempoTariffTest {

  private final TempoCalendar calendar =
      TempoCalendar.of(
          Map.of(
              LocalDate.of(2026, 1, 27), TempoColour.WHITE,
              LocalDate.of(2026, 1, 28), TempoColour.RED,
              LocalDate.of(2026, 1, 30), TempoColour.BLUE,
              LocalDate.of(2026, 1, 31), TempoColour.BLUE));
  private final TempoTariff tariff = new TempoTariff(calendar, TempoPrices.defaults());

  @ParameterizedTest
  @CsvSource({
    "2026-01-28T21:00:00+01:00, 0.6468, RED HP",
    "2026-01-28T22:00:00+01:00, 0.1460, RED HC",
    "2026-01-29T05:59:00+01:00, 0.1460, RED HC",
    "2026-01-28T05:00:00+01:00, 0.1391, WHITE HC",
    "2026-01-31T23:30:00+01:00, 0.1232, BLUE HC",
    "2026-02-01T00:00:00+01:00, 0.1325, BLUE HC",
  })
  void pricesAnIntervalByColourPeriodAndTheGridInForceAtItsStart(
      String at, double eurPerKwh, String name) {
    PricePeriod period = tariff.periodAt(OffsetDateTime.parse(at).toInstant()).orElseThrow();

    assertThat(period.price().eurPerKwh()).isEqualTo(eurPerKwh);
    assertThat(period.name()).isEqualTo(name);
    assertThat(period.contains(OffsetDateTime.parse(at).toInstant())).isTrue();
  }

  @Test
  void anUnpublishedDayHasNoPriceRatherThanTheBluePrice() {
    assertThat(tariff.periodAt(OffsetDateTime.parse("2026-01-29T12:00:00+01:00").toInstant()))
        .isEmpty();
  }

  @Test
  void datedGridsApplyFromTheirFirstDayAndNotBefore() {
    TempoPrices prices = TempoPrices.defaults();

    assertThat(prices.gridOn(LocalDate.of(2024, 1, 31))).isEmpty();
    assertThat(prices.gridOn(LocalDate.of(2025, 7, 31)).orElseThrow().validFrom())
        .isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(prices.gridOn(LocalDate.of(2026, 7, 31)).orElseThrow().redPeak().eurPerKwh())
        .isEqualTo(0.7060);
    assertThat(prices.gridOn(LocalDate.of(2030, 1, 1)).orElseThrow().redPeak().eurPerKwh())
        .isEqualTo(0.7295);
    assertThat(
            prices
                .frozenAt(LocalDate.of(2026, 2, 1))
                .gridOn(LocalDate.of(2015, 1, 1))
                .orElseThrow()
                .price(TempoColour.WHITE, true)
                .eurPerKwh())
        .isEqualTo(0.1499);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-28T05:59:00+01:00, true, 2026-01-28T06:00:00+01:00",
    "2026-01-28T06:00:00+01:00, false, 2026-01-28T22:00:00+01:00",
    "2026-01-28T21:59:00+01:00, false, 2026-01-28T22:00:00+01:00",
    "2026-01-28T22:00:00+01:00, true, 2026-01-29T06:00:00+01:00",
    "2026-03-29T01:30:00+01:00, true, 2026-03-29T06:00:00+02:00",
    "2026-10-24T23:00:00+02:00, true, 2026-10-25T06:00:00+01:00",
  })
  void hoursAreKnownWithoutAnyColour(String at, boolean offPeak, String nextChange) {
    TempoTariff hoursOnly = TempoTariff.hours();
    var t = OffsetDateTime.parse(at).toInstant();

    assertThat(hoursOnly.isOffPeak(t)).isEqualTo(offPeak);
    assertThat(hoursOnly.nextPeriodChange(t))
        .isEqualTo(OffsetDateTime.parse(nextChange).toInstant());
    assertThat(hoursOnly.periodAt(t)).isEmpty();
  }
}
