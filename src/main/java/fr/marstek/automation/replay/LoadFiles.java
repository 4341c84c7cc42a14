package fr.marstek.automation.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private static LoadSeries local(BufferedReader lines) throws IOException {
    Map<LocalDateTime, Double> watts = new HashMap<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      try {
        LocalDateTime hour = localHour(f[0].strip());
        if (hour.getMinute() != 0 || hour.getSecond() != 0) {
          throw new IllegalArgumentException("hourly rows must start on the hour");
        }
        watts.put(hour, power(f[1]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + number + ": " + line, e);
      }
    }
    return new LocalHourLoad(watts);
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
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return LocalDateTime.parse(text);
    }
    return LocalDateTime.of(year, month, day, hour, minute, second); // checks the ranges
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
