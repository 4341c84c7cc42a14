package fr.marstek.automation.tariff.tempo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** A Tempo season, 1 September to 31 August, with its quotas and placement rules. */
public record TempoSeason(int startYear) implements Comparable<TempoSeason> {

  public static final int WHITE_DAYS = 43;
  public static final int RED_DAYS = 22;
  private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{4})");
  // by start year: {red, white}[i] = days from the season's i-th day to its end the rules allow
  private static final ConcurrentMap<Integer, int[][]> ALLOWED_FROM = new ConcurrentHashMap<>();

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

  /**
   * Days from {@code day} to the end of its season, both included, on which the rules allow {@code
   * colour} (red or white; blue is always allowed): a table per season, since the planner asks it
   * for every day ahead in each plan and the replay plans every hour of a season.
   */
  public static int allowedDaysFrom(LocalDate day, TempoColour colour) {
    TempoSeason season = of(day);
    int[][] table = ALLOWED_FROM.computeIfAbsent(season.startYear, y -> season.allowedTable());
    int i = (int) (day.toEpochDay() - season.firstDay().toEpochDay());
    return switch (colour) {
      case RED -> table[0][i];
      case WHITE -> table[1][i];
      case BLUE -> season.length() - i;
      case UNKNOWN -> 0;
    };
  }

  private int[][] allowedTable() {
    int days = length();
    int[][] table = new int[2][days + 1];
    LocalDate day = lastDay();
    for (int i = days - 1; i >= 0; i--, day = day.minusDays(1)) {
      table[0][i] = table[0][i + 1] + (isRedAllowed(day) ? 1 : 0);
      table[1][i] = table[1][i + 1] + (isWhiteAllowed(day) ? 1 : 0);
    }
    return table;
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
