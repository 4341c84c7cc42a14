package fr.marstek.automation.web.api;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;

/**
 * [from, to) from query parameters: an instant ({@code 2026-11-26T10:00:00Z}), a time with offset,
 * a local time or a date in Europe/Paris; a date as {@code to} means the end of that day. Defaults:
 * the last 24 hours.
 */
record TimeRange(Instant from, Instant to) {

  static final Duration LONGEST = Duration.ofDays(3660);
  // History is stored in epoch milliseconds: outside these years a time cannot be one.
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  private static final String EXPECTED =
      "expected a time such as 2026-11-26T10:00:00Z, 2026-11-26T11:00:00+01:00,"
          + " 2026-11-26T11:00 (Paris time) or a date such as 2026-11-26";

  static TimeRange parse(String from, String to, Instant now) {
    Instant end = to == null || to.isBlank() ? now : parse("to", to, true);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofDays(1)) : parse("from", from, false);
    if (!start.isBefore(end)) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST,
          "from (" + start + ") must be before to (" + end + "); swap them or widen the range");
    }
    if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST, "the range is longer than 10 years; ask for a shorter one");
    }
    return new TimeRange(start, end);
  }

  private static Instant parse(String name, String text, boolean endOfDay) {
    String value = text.trim();
    if (value.length() > 40) {
      throw new BadHistoryRequest(HttpStatus.BAD_REQUEST, name + " is too long: " + EXPECTED);
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return within(
            name, value, (endOfDay ? day.plusDays(1) : day).atStartOfDay(PARIS).toInstant());
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return within(name, value, Instant.parse(value.toUpperCase(java.util.Locale.ROOT)));
      }
      if (value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return within(name, value, OffsetDateTime.parse(value).toInstant());
      }
      return within(name, value, LocalDateTime.parse(value).atZone(PARIS).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      throw new BadHistoryRequest(HttpStatus.BAD_REQUEST, name + "=" + value + ": " + EXPECTED);
    }
  }

  private static Instant within(String name, String value, Instant t) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST, name + "=" + value + ": history holds times from 1970 to 9999");
    }
    return t;
  }
}
