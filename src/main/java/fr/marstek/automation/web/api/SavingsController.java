package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.history.DaySavings;
import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the batteries saved, measured from the recorded history and the Tempo prices of each day.
 */
@RestController
class SavingsController {

  private final SavingsTotals totals;
  private final InstantSource clock;

  SavingsController(SavingsTotals totals, ObjectProvider<InstantSource> clock) {
    this.totals = totals;
    this.clock = clock.getIfAvailable(InstantSource::system);
  }

  record Money(
      @JsonProperty("paid_eur") double paid,
      @JsonProperty("without_batteries_eur") double without,
      @JsonProperty("saved_eur") double saved,
      @JsonProperty("days_priced") int priced,
      @JsonProperty("days_unpriced") int unpriced) {

    static Money of(SavingsTotals.Total t) {
      return new Money(
          round(t.paidEur()),
          round(t.withoutBatteriesEur()),
          round(t.savedEur()),
          t.daysPriced(),
          t.daysUnpriced());
    }
  }

  record Day(
      LocalDate day,
      String colour,
      @JsonProperty("imported_kwh") double importedKwh,
      @JsonProperty("charged_kwh") double chargedKwh,
      @JsonProperty("discharged_kwh") double dischargedKwh,
      @JsonProperty("paid_eur") Double paid,
      @JsonProperty("without_batteries_eur") Double without,
      @JsonProperty("saved_eur") Double saved) {

    static Day of(DaySavings d) {
      return new Day(
          d.day(),
          d.colour().orElse("UNKNOWN"),
          round(d.importedWh() / 1000),
          round(d.chargedWh() / 1000),
          round(d.dischargedWh() / 1000),
          d.paidEur().map(SavingsController::round).orElse(null),
          d.withoutBatteriesEur().map(SavingsController::round).orElse(null),
          d.savedEur().map(SavingsController::round).orElse(null));
    }
  }

  record Month(String month, Money total) {}

  record SavingsView(
      LocalDate from, LocalDate to, List<Day> days, List<Month> months, Money total, String note) {}

  @GetMapping("/api/v1/savings")
  SavingsView savings(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    LocalDate today = TempoDays.tempoDayOf(clock.instant());
    LocalDate last = to == null ? today : date("to", to);
    LocalDate first = from == null ? TempoSeason.of(last).firstDay() : date("from", from);
    if (first.isAfter(last)) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST, "'from' " + first + " is after 'to' " + last + ": swap them");
    }
    if (first.plusYears(10).isBefore(last)) {
      throw new BadHistoryRequest(HttpStatus.BAD_REQUEST, "ask for at most 10 years at a time");
    }
    List<DaySavings> days = totals.days(first, last);
    Map<YearMonth, SavingsTotals.Total> months = new TreeMap<>();
    SavingsTotals.Total total = SavingsTotals.Total.NONE;
    List<Day> dayViews = new ArrayList<>();
    for (DaySavings d : days) {
      dayViews.add(Day.of(d));
      months.compute(
          YearMonth.from(d.day()), (m, t) -> (t == null ? SavingsTotals.Total.NONE : t).plus(d));
      total = total.plus(d);
    }
    List<Month> monthViews = new ArrayList<>();
    months.forEach((m, sum) -> monthViews.add(new Month(m.toString(), Money.of(sum))));
    return new SavingsView(
        first,
        last,
        dayViews,
        monthViews,
        Money.of(total),
        "Energy part of the Tempo bill only (no subscription, no taxes per kWh beyond the prices);"
            + " a day whose colour is unknown is not priced.");
  }

  private static LocalDate date(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST,
          "'" + name + "' must be a date such as 2026-12-01, was '" + text + "'");
    }
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  @ExceptionHandler(BadHistoryRequest.class)
  ResponseEntity<ProblemDetail> problem(BadHistoryRequest e) {
    return ResponseEntity.status(e.status())
        .body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
  }
}
