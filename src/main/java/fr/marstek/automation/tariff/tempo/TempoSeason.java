package fr.marstek.automation.tariff.tempo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

/** A Tempo season, 1 September to 31 August, with its quotas and placement rules. */
public record TempoSeason(int startYear) implements Comparable<TempoSeason> {

  public static final int WHITE_DAYS = 43;
  public static final int RED_DAYS = 22;
  private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{4})");

  public TempoSeason {
    if (startYear < 1990 || startYear > 2200) {
      throw new IllegalArgumentException("season start year out of range: " + startYear);
    }
  }

  public static TempoSeason of(LocalDate tempoDay) {
    return new TempoSeason(
        tempoDay.getMonthValue() >= 9 ? tempoDay.getYear() : tempoDay.getYear() - 1);
  }

  /** Reads a name such as {@code 2022-2023}. */
  public static TempoSeason parse(String name) {
    var m = NAME.matcher(name.strip());
    if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
      throw new IllegalArgumentException("season must look like 2022-2023: " + name);
    }
    return new TempoSeason(Integer.parseInt(m.group(1)));
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 9, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 8, 31);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  public int length() {
    return (int) (lastDay().toEpochDay() - firstDay().toEpochDay() + 1);
  }

  /** Days of each colour in a normal season: blue is what white and red leave (300 or 301). */
  public int quota(TempoColour colour) {
    return switch (colour) {
      case WHITE -> WHITE_DAYS;
      case RED -> RED_DAYS;
      case BLUE -> length() - WHITE_DAYS - RED_DAYS;
      case UNKNOWN -> 0;
    };
  }

  /** Red: 1 November to 31 March, Monday to Friday, never a public holiday. */
  public static boolean isRedAllowed(LocalDate day) {
    Month month = day.getMonth();
    boolean inWindow = month.compareTo(Month.MARCH) <= 0 || month.compareTo(Month.NOVEMBER) >= 0;
    return inWindow && !isWeekend(day) && !FrenchHolidays.isHoliday(day);
  }

  /** White: any day but Sunday. */
  public static boolean isWhiteAllowed(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @Override
  public int compareTo(TempoSeason other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return startYear + "-" + (startYear + 1);
  }
}
