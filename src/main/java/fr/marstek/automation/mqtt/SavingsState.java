package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.history.SavingsTotals;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The savings state topic: this calendar month's and this Tempo season's savings in euros (rounded
 * to the cent), measured from history like {@code GET /api/v1/savings}.
 *
 * @param monthDaysUnpriced days of the month whose colour is unknown, so not counted
 */
record SavingsState(
    String month,
    String season,
    @JsonProperty("month_saved_eur") double monthSavedEur,
    @JsonProperty("month_paid_eur") double monthPaidEur,
    @JsonProperty("month_without_batteries_eur") double monthWithoutEur,
    @JsonProperty("month_days_unpriced") int monthDaysUnpriced,
    @JsonProperty("season_saved_eur") double seasonSavedEur,
    @JsonProperty("season_paid_eur") double seasonPaidEur,
    @JsonProperty("season_without_batteries_eur") double seasonWithoutEur,
    @JsonProperty("season_days_unpriced") int seasonDaysUnpriced) {

  static SavingsState of(
      LocalDate today,
      String season,
      SavingsTotals.Total month,
      SavingsTotals.Total sinceSeasonStart) {
    return new SavingsState(
        YearMonth.from(today).toString(),
        season,
        cents(month.savedEur()),
        cents(month.paidEur()),
        cents(month.withoutBatteriesEur()),
        month.daysUnpriced(),
        cents(sinceSeasonStart.savedEur()),
        cents(sinceSeasonStart.paidEur()),
        cents(sinceSeasonStart.withoutBatteriesEur()),
        sinceSeasonStart.daysUnpriced());
  }

  static double cents(double eur) {
    return Math.round(eur * 100) / 100.0;
  }
}
