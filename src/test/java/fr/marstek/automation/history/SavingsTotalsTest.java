package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.tempo.TempoPrices;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recorded day's prices, asked of the tariff as it was that day (Tempo over its colour). */
class SavingsTotalsTest {

  // pricing a day reads no history
  private final SavingsTotals totals =
      new SavingsTotals(null, HistoryConfiguration.tempoAsRecorded(TempoPrices.defaults()));

  @ParameterizedTest
  @CsvSource({
    "2025-12-02, RED, 0.1460, 0.6468",
    "2026-01-31, BLUE, 0.1232, 0.1494", // its night ends in February: the day's grid still
    "2026-02-01, BLUE, 0.1325, 0.1612",
    "2026-03-28, WHITE, 0.1499, 0.1871", // a 23-hour Tempo day
    "2026-10-24, RED, 0.1615, 0.7295", // a 25-hour Tempo day
  })
  void aRecordedColourIsPricedWithTheGridInForceThatDay(
      LocalDate day, String colour, double offPeak, double peak) {
    assertThat(totals.pricesOf(day, colour)).contains(new PeakPrices(offPeak, peak));
  }

  @Test
  void anUnknownColourOrADayBeforeTheFirstGridIsNotPriced() {
    assertThat(totals.pricesOf(LocalDate.of(2025, 12, 2), "UNKNOWN")).isEmpty();
    assertThat(totals.pricesOf(LocalDate.of(2025, 12, 2), "PURPLE")).isEmpty();
    assertThat(totals.pricesOf(LocalDate.of(2024, 1, 15), "RED")).isEmpty();
  }
}
