package fr.marstek.automation.history;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Per Tempo day: what the household paid and what it would have paid without the batteries. */
final class SavingsReport {

  private final HistoryQueries queries;

  SavingsReport(HistoryQueries queries) {
    this.queries = queries;
  }

  /**
   * @param prices the off-peak and peak prices of a day of a colour, empty when unknown
   */
  List<DaySavings> daily(
      LocalDate from, LocalDate to, BiFunction<LocalDate, String, Optional<PeakPrices>> prices) {
    Map<LocalDate, double[]> imported = importedPerDay(from, to);
    List<DaySavings> days = new ArrayList<>();
    for (DailyEnergy energy : queries.dailyEnergy(from, to)) {
      double[] grid = imported.getOrDefault(energy.day(), new double[2]);
      Optional<PeakPrices> price = energy.colour().flatMap(c -> prices.apply(energy.day(), c));
      Optional<Double> paid = price.map(p -> (grid[0] * p.offPeak() + grid[1] * p.peak()) / 1000);
      Optional<Double> without =
          price.map(
              p ->
                  paid.orElseThrow()
                      + (energy.dischargedOffPeak() * p.offPeak()
                              + energy.dischargedPeak() * p.peak()
                              - energy.chargedOffPeak() * p.offPeak()
                              - energy.chargedPeak() * p.peak())
                          / 1000);
      days.add(
          new DaySavings(
              energy.day(),
              energy.colour(),
              grid[0] + grid[1],
              energy.charged(),
              energy.discharged(),
              paid,
              without));
    }
    return days;
  }

  private Map<LocalDate, double[]> importedPerDay(LocalDate from, LocalDate to) {
    Map<LocalDate, double[]> perDay = new TreeMap<>();
    FleetHours.read(
            queries, EnergyReader.tempoDayStart(from), EnergyReader.tempoDayStart(to.plusDays(1)))
        .hours()
        .forEach(
            (hour, fleet) ->
                fleet
                    .meterWatts()
                    .ifPresent(
                        meter -> {
                          LocalDateTime local = LocalDateTime.ofInstant(hour, PARIS);
                          boolean peak = local.getHour() >= 6 && local.getHour() < 22;
                          // A mean power over one hour is that many watt-hours.
                          perDay
                                  .computeIfAbsent(
                                      local.minusHours(6).toLocalDate(), d -> new double[2])[
                                  peak ? 1 : 0] +=
                              Math.max(0, meter);
                        }));
    return perDay;
  }
}
