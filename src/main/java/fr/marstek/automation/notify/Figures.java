package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.notify.Notice.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Numbers, hours and dates as each language writes them: 3,1 kWh and 0,52 € in French. */
final class Figures {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm").withZone(PARIS);
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

  private Figures() {}

  static String kwh(double wattHours, Language language) {
    return String.format(locale(language), "%.1f kWh", wattHours / 1000);
  }

  static String eur(double euros, Language language) {
    return String.format(locale(language), "%.2f €", euros);
  }

  static String percent(double value) {
    return Math.round(value) + " %";
  }

  static String hour(Instant t) {
    return HOUR.format(t);
  }

  /** "jeudi 15/01" or "Thursday 15/01". */
  static String day(LocalDate day, Language language) {
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale(language))
        + " "
        + DAY_MONTH.format(day);
  }

  static String shortDay(LocalDate day) {
    return DAY_MONTH.format(day);
  }

  private static Locale locale(Language language) {
    return language == Language.FR ? Locale.FRANCE : Locale.UK;
  }
}
