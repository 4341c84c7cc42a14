package fr.marstek.automation.replay;

import fr.marstek.automation.units.AsciiDigits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the two load formats: {@code timestamp_local,avg_power_w,...} (hourly, local time without
 * offset) and {@code interval_start,interval_end,avg_power_w} (ISO offsets, any interval length).
 */
final class LoadFiles {

  private LoadFiles() {}

  static LoadSeries read(Reader source) {
    try (var lines = new BufferedReader(source)) {
      String header = lines.readLine();
      if (header == null) {
        throw new IllegalArgumentException("empty load file");
      }
      List<String> columns = List.of(header.strip().split(","));
      if (columns.size() >= 2
          && columns.get(0).equals("timestamp_local")
          && columns.get(1).equals("avg_power_w")) {
        return local(lines);
      }
      if (columns.size() >= 3
          && columns.get(0).equals("interval_start")
          && columns.get(1).equals("interval_end")
          && columns.get(2).equals("avg_power_w")) {
        return intervals(lines);
      }
      throw new IllegalArgumentException(
          "unknown load header (want timestamp_local,avg_power_w or"
              + " interval_start,interval_end,avg_power_w): "
              + header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows as their usual form {@code 2008-01-15T18:00:00,1500,...} (a whole number of watts) are
   * read from the characters as they are, without a string, a split or a map per row: a one-off
   * replay spent a fifth of its time and a fifth of its compiling on the 35,000 rows of the shared
   * load file. Any other row goes the general way, which also says what is wrong with it.
   */
  private static LoadSeries local(BufferedReader lines) throws IOException {
    char[] text = rest(lines);
    HourlyRows rows = new HourlyRows();
    int number = 1;
    int from = 0;
    while (from < text.length) {
      int end = from;
      while (end < text.length && text[end] != '\n' && text[end] != '\r') {
        end++;
      }
      number++;
      if (!rows.addUsual(text, from, end)) {
        row(new String(text, from, end - from), number, rows);
      }
      // a line ends at \n, \r or \r\n, as BufferedReader.readLine reads it
      from = end + 1;
      if (end < text.length && text[end] == '\r' && from < text.length && text[from] == '\n') {
        from++;
      }
    }
    return new LocalHourLoad(rows.wallHours, rows.watts, rows.count);
  }

  /** One row in any form {@link #localHour} reads; blank rows are skipped. */
  private static void row(String line, int number, HourlyRows rows) {
    if (line.isBlank()) {
      return;
    }
    String[] f = line.split(",", -1);
    try {
      LocalDateTime hour = localHour(f[0].strip());
      if (hour.getMinute() != 0 || hour.getSecond() != 0) {
        throw new IllegalArgumentException("hourly rows must start on the hour");
      }
      rows.add(LocalHourLoad.wallHour(hour), power(f[1]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("line " + number + ": " + line, e);
    }
  }

  private static char[] rest(BufferedReader lines) throws IOException {
    char[] text = new char[1 << 16];
    int length = 0;
    int read;
    while ((read = lines.read(text, length, text.length - length)) >= 0) {
      length += read;
      if (length == text.length) {
        text = Arrays.copyOf(text, text.length * 2);
      }
    }
    return Arrays.copyOf(text, length);
  }

  /** The rows read so far, in file order: a later row of the same hour replaces an earlier one. */
  private static final class HourlyRows {
    long[] wallHours = new long[1 << 12];
    double[] watts = new double[1 << 12];
    int count;
    // the date of the previous usual row, whose day number is reused: rows come hour by hour
    private int lastYear;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;

    void add(long wallHour, double w) {
      if (count == wallHours.length) {
        wallHours = Arrays.copyOf(wallHours, count * 2);
        watts = Arrays.copyOf(watts, count * 2);
      }
      wallHours[count] = wallHour;
      watts[count++] = w;
    }

    /**
     * Adds {@code text[from, end)} when it is a row in the usual form with a valid date, an hour on
     * the hour and a whole number of watts in range; else adds nothing and says so.
     */
    boolean addUsual(char[] text, int from, int end) {
      if (end - from < 21
          || text[from + 4] != '-'
          || text[from + 7] != '-'
          || text[from + 10] != 'T'
          || text[from + 13] != ':'
          || text[from + 16] != ':'
          || text[from + 19] != ',') {
        return false;
      }
      int year = AsciiDigits.of(text, from, from + 4);
      int month = AsciiDigits.of(text, from + 5, from + 7);
      int day = AsciiDigits.of(text, from + 8, from + 10);
      int hour = AsciiDigits.of(text, from + 11, from + 13);
      int minute = AsciiDigits.of(text, from + 14, from + 16);
      int second = AsciiDigits.of(text, from + 17, from + 19);
      int powerEnd = from + 20;
      while (powerEnd < end && text[powerEnd] != ',') {
        powerEnd++;
      }
      // up to six digits: below the 1e6 W that power() accepts
      int power = powerEnd - (from + 20) <= 6 ? AsciiDigits.of(text, from + 20, powerEnd) : -1;
      if ((year | month | day | hour | power) < 0 || minute != 0 || second != 0 || hour > 23) {
        return false;
      }
      if (year != lastYear || month != lastMonth || day != lastDay) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
          return false;
        }
        lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
        lastYear = year;
        lastMonth = month;
        lastDay = day;
      }
      add(lastEpochDay * 24 + hour, power);
      return true;
    }
  }

  /**
   * {@link LocalDateTime#parse} of an ISO local date-time, read by hand in its usual form {@code
   * 2008-01-15T18:00:00}: the formatter took a third of a one-off replay's start-up on the 35,000
   * rows of the shared load file. Any other form goes to the formatter, which also reports what is
   * wrong.
   */
  static LocalDateTime localHour(String text) {
    if (text.length() != 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return LocalDateTime.parse(text);
    }
    int year = AsciiDigits.of(text, 0, 4);
    int month = AsciiDigits.of(text, 5, 7);
    int day = AsciiDigits.of(text, 8, 10);
    int hour = AsciiDigits.of(text, 11, 13);
    int minute = AsciiDigits.of(text, 14, 16);
    int second = AsciiDigits.of(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return LocalDateTime.parse(text);
    }
    return LocalDateTime.of(year, month, day, hour, minute, second); // checks the ranges
  }

  private static LoadSeries intervals(BufferedReader lines) throws IOException {
    IntervalLoad load = new IntervalLoad();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      try {
        load.add(
            OffsetDateTime.parse(f[0].strip()).toInstant(),
            OffsetDateTime.parse(f[1].strip()).toInstant(),
            power(f[2]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + number + ": " + line, e);
      }
    }
    return load;
  }

  private static double power(String field) {
    double w = Double.parseDouble(field.strip());
    if (!(w >= 0 && w < 1e6)) {
      throw new IllegalArgumentException("power out of range: " + field);
    }
    return w;
  }
}
