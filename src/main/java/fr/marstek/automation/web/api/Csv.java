package fr.marstek.automation.web.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

// Two flat tables of numbers and short texts do not justify a CSV library; quoting follows RFC
// 4180.
final class Csv {

  private Csv() {}

  static String row(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    // always with seconds (toString drops ":00"), as in the JSON answers
    String text =
        value instanceof OffsetDateTime time
            ? time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            : value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
