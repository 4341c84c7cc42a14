package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.history.DaySavings;
import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The daily summary at {@code NOTIFY_DAILY_SUMMARY_AT} and the weekly one on {@code
 * NOTIFY_WEEKLY_SUMMARY_DAY}, from the recorded history, priced as {@link SavingsTotals} prices
 * them. Both report whole Tempo days (06:00 to 06:00): at 21:00 the day in progress still lacks
 * tonight's charge, so the daily summary is the day that ended this morning, the weekly one the
 * seven days before. A summary is sent within the hour after its time, once per date, so a restart
 * late in the evening does not send it again unless it was missed.
 */
final class Summaries implements Watch {

  static final String DAILY = "summary-daily";
  static final String WEEKLY = "summary-weekly";

  private final Notifications notifications;
  private final WatchSettings settings;
  private final SavingsTotals savings;
  private LocalDate dailySent;
  private LocalDate weeklySent;

  Summaries(Notifications notifications, WatchSettings settings, SavingsTotals savings) {
    this.notifications = notifications;
    this.settings = settings;
    this.savings = savings;
  }

  @Override
  public synchronized void check(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, PARIS);
    LocalDate date = local.toLocalDate();
    LocalDate lastDay = TempoDays.tempoDayOf(now).minusDays(1);
    if (settings.dailySummaryAt().isPresent()
        && due(local, settings.dailySummaryAt().get())
        && !date.equals(dailySent)) {
      dailySent = date;
      notifications.clear(DAILY);
      notifications.send(daily(lastDay));
    }
    if (settings.weeklySummaryDay().isPresent()
        && date.getDayOfWeek() == settings.weeklySummaryDay().get()
        && due(local, settings.summaryTime())
        && !date.equals(weeklySent)) {
      weeklySent = date;
      notifications.clear(WEEKLY);
      notifications.send(weekly(lastDay.minusDays(6), lastDay));
    }
  }

  private static boolean due(LocalDateTime local, LocalTime at) {
    LocalTime t = local.toLocalTime();
    boolean lastHourOfDay = !at.isBefore(LocalTime.of(23, 0));
    return !t.isBefore(at) && (lastHourOfDay || t.isBefore(at.plusHours(1)));
  }

  private Notice daily(LocalDate day) {
    return daily(day, savings.days(day, day));
  }

  private Notice weekly(LocalDate from, LocalDate to) {
    return weekly(from, to, savings.days(from, to));
  }

  static Notice daily(LocalDate day, List<DaySavings> days) {
    Total t = total(days);
    return Wording.catalogued(
        NoticeKind.DAILY_SUMMARY,
        DAILY,
        l ->
            t.colour
                .map(
                    c ->
                        Phrase.of(
                            "notice.summary.daily.titleColoured",
                            Arg.text(Figures.day(day, l)),
                            colour(c)))
                .orElseGet(
                    () -> Phrase.of("notice.summary.daily.title", Arg.text(Figures.day(day, l)))),
        t::text);
  }

  static Notice weekly(LocalDate from, LocalDate to, List<DaySavings> days) {
    Total t = total(days);
    return Wording.catalogued(
        NoticeKind.WEEKLY_SUMMARY,
        WEEKLY,
        l ->
            Phrase.of(
                "notice.summary.weekly.title",
                Arg.text(Figures.shortDay(from)),
                Arg.text(Figures.shortDay(to))),
        t::text);
  }

  /** The days' sums; {@code priced} days are those whose colour, hence price, is known. */
  private record Total(
      int days,
      int priced,
      Optional<String> colour,
      double charged,
      double discharged,
      double imported,
      double paid,
      double saved) {

    Phrase text(Language l) {
      if (days == 0) {
        return Phrase.of("notice.summary.nothing");
      }
      Arg energy =
          Arg.phrase(
              Phrase.of(
                  "notice.summary.energy",
                  Arg.text(Figures.kwh(charged, l)),
                  Arg.text(Figures.kwh(discharged, l)),
                  Arg.text(Figures.kwh(imported, l))));
      if (priced == 0) {
        return Phrase.of("notice.summary.unpriced", energy);
      }
      Arg paid = Arg.text(Figures.eur(this.paid, l));
      Arg saved = Arg.text(Figures.eur(this.saved, l));
      return priced == days
          ? Phrase.of("notice.summary.priced", energy, paid, saved)
          : Phrase.of(
              "notice.summary.partlyPriced",
              energy,
              paid,
              saved,
              Arg.text(Integer.toString(priced)),
              Arg.text(Integer.toString(days)));
    }
  }

  private static Total total(List<DaySavings> days) {
    int priced = 0;
    double charged = 0;
    double discharged = 0;
    double imported = 0;
    double paid = 0;
    double saved = 0;
    for (DaySavings d : days) {
      charged += d.chargedWh();
      discharged += d.dischargedWh();
      imported += d.importedWh();
      if (d.paidEur().isPresent()) {
        priced++;
        paid += d.paidEur().get();
        saved += d.savedEur().orElse(0.0);
      }
    }
    Optional<String> colour = days.size() == 1 ? days.getFirst().colour() : Optional.empty();
    return new Total(days.size(), priced, colour, charged, discharged, imported, paid, saved);
  }

  /** A colour's word from the catalogue; a name it does not know, in lower case as recorded. */
  private static Arg colour(String colour) {
    return switch (colour) {
      case "BLUE", "WHITE", "RED", "UNKNOWN", "ORDINARY" -> Arg.term("colour.word." + colour);
      default -> Arg.text(colour.toLowerCase(java.util.Locale.ROOT));
    };
  }
}
