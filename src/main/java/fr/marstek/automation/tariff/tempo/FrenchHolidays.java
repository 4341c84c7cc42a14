package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

// Hand-written: eleven fixed rules and Easter (Gauss/Meeus), smaller than any holiday library.
/** Metropolitan French public holidays, the days that are never red. */
public final class FrenchHolidays {

  private static final Set<MonthDay> FIXED =
      Set.of(
          MonthDay.of(1, 1),
          MonthDay.of(5, 1),
          MonthDay.of(5, 8),
          MonthDay.of(7, 14),
          MonthDay.of(8, 15),
          MonthDay.of(11, 1),
          MonthDay.of(11, 11),
          MonthDay.of(12, 25));

  private FrenchHolidays() {}

  public static boolean isHoliday(LocalDate day) {
    if (FIXED.contains(MonthDay.from(day))) {
      return true;
    }
    // Easter Monday, Ascension and Whit Monday fall between 23 March and 14 June: the planner asks
    // about every day to the season's end, mostly winter days, in each plan
    if (day.getMonthValue() < 3 || day.getMonthValue() > 6) {
      return false;
    }
    LocalDate easter = easterSunday(day.getYear());
    return day.equals(easter.plusDays(1))
        || day.equals(easter.plusDays(39))
        || day.equals(easter.plusDays(50));
  }

  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, dayOfMonth);
  }
}
