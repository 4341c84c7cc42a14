package fr.marstek.automation.history;

import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the batteries saved over a span of Tempo days, priced with the Tempo prices in force on each
 * day: the one place that turns {@link HistoryQueries#savings} into euros, for the REST API, Home
 * Assistant and the summaries. A day is priced through the {@link Tariff} port: the tariff as it
 * was that day (for Tempo, over the colour recorded for it), asked for the prices of the day's two
 * periods.
 */
public final class SavingsTotals {

  /**
   * The sums over the priced days; a day whose colour is unknown is counted in {@code daysUnpriced}
   * and adds nothing.
   */
  public record Total(
      double paidEur,
      double withoutBatteriesEur,
      double savedEur,
      int daysPriced,
      int daysUnpriced) {

    public static final Total NONE = new Total(0, 0, 0, 0, 0);

    public Total plus(DaySavings day) {
      if (day.paidEur().isEmpty()) {
        return new Total(paidEur, withoutBatteriesEur, savedEur, daysPriced, daysUnpriced + 1);
      }
      return new Total(
          paidEur + day.paidEur().get(),
          withoutBatteriesEur + day.withoutBatteriesEur().orElseThrow(),
          savedEur + day.savedEur().orElseThrow(),
          daysPriced + 1,
          daysUnpriced);
    }
  }

  private final HistoryQueries queries;
  private final BiFunction<LocalDate, String, Tariff> asRecorded;

  /**
   * @param asRecorded the tariff of a recorded day, from the price label stored with it (the Tempo
   *     colour)
   */
  public SavingsTotals(HistoryQueries queries, BiFunction<LocalDate, String, Tariff> asRecorded) {
    this.queries = queries;
    this.asRecorded = asRecorded;
  }

  /** Every recorded Tempo day in [from, to] with what it cost and saved. */
  public List<DaySavings> days(LocalDate from, LocalDate to) {
    return queries.savings(from, to, this::pricesOf);
  }

  /** The sums over [from, to]. */
  public Total between(LocalDate from, LocalDate to) {
    Total total = Total.NONE;
    for (DaySavings day : days(from, to)) {
      total = total.plus(day);
    }
    return total;
  }

  /**
   * The off-peak and peak prices of a day of {@code colour}, as the tariff prices that day's two
   * periods; empty for an unknown colour or before the first grid.
   */
  public Optional<PeakPrices> pricesOf(LocalDate day, String colour) {
    Tariff tariff = asRecorded.apply(day, colour);
    Instant peak = tariff.dayStart(day);
    Instant offPeak = tariff.nextPeriodChange(peak);
    return tariff
        .periodAt(offPeak)
        .flatMap(hc -> tariff.periodAt(peak).map(hp -> new PeakPrices(eur(hc), eur(hp))));
  }

  private static double eur(PricePeriod period) {
    return period.price().eurPerKwh();
  }
}
