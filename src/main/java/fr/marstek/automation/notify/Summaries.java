package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.history.DaySavings;
import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.tariff.tempo.TempoDays;
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
    Total t = total(savings.days(day, day));
    String colourFr = t.colour.map(c -> " (" + colourFr(c) + ")").orElse("");
    String colourEn =
        t.colour.map(c -> " (" + c.toLowerCase(java.util.Locale.ROOT) + ")").orElse("");
    return new Notice(
        NoticeKind.DAILY_SUMMARY,
        DAILY,
        new Message("Bilan du " + Figures.day(day, Language.FR) + colourFr, t.text(Language.FR)),
        new Message("Summary of " + Figures.day(day, Language.EN) + colourEn, t.text(Language.EN)));
  }

  private Notice weekly(LocalDate from, LocalDate to) {
    Total t = total(savings.days(from, to));
    String span = Figures.shortDay(from) + " - " + Figures.shortDay(to);
    return new Notice(
        NoticeKind.WEEKLY_SUMMARY,
        WEEKLY,
        new Message("Bilan de la semaine " + span, t.text(Language.FR)),
        new Message("Summary of the week " + span, t.text(Language.EN)));
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

    String text(Language l) {
      boolean fr = l == Language.FR;
      if (days == 0) {
        return fr ? "Aucune donnée enregistrée." : "Nothing recorded.";
      }
      String energy =
          (fr ? "Batteries : chargé " : "Batteries: charged ")
              + Figures.kwh(charged, l)
              + (fr ? ", restitué " : ", delivered ")
              + Figures.kwh(discharged, l)
              + (fr ? ". Réseau : acheté " : ". Grid: bought ")
              + Figures.kwh(imported, l)
              + ".";
      if (priced == 0) {
        return energy + (fr ? " Couleur inconnue : non chiffré." : " Colour unknown: not priced.");
      }
      String money =
          (fr ? " Payé " : " Paid ")
              + Figures.eur(paid, l)
              + (fr ? ", économisé " : ", saved ")
              + Figures.eur(saved, l);
      String coverage =
          priced == days
              ? "."
              : (fr
                  ? " (" + priced + " jours chiffrés sur " + days + ")."
                  : " (" + priced + " of " + days + " days priced).");
      return energy + money + coverage;
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

  private static String colourFr(String colour) {
    return switch (colour) {
      case "BLUE" -> "bleu";
      case "WHITE" -> "blanc";
      case "RED" -> "rouge";
      default -> colour.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
