package fr.marstek.automation.replay;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

/**
 * Lays one calendar year of load onto other dates keeping weekdays: a date takes the load of the
 * same weekday nearest to its month and day in {@code loadYear} (at most 3 days away), moved a week
 * inward when that would leave the load year; same local clock hour.
 */
record WeekdayAlignment(LoadSeries source, int loadYear) implements LoadSeries {

  @Override
  public OptionalDouble watts(Instant hourStart) {
    LocalDateTime local = LocalDateTime.ofInstant(hourStart, PARIS);
    LocalDate from = sourceDate(local.toLocalDate(), loadYear);
    if (source instanceof LocalHourLoad wallClock) {
      return wallClock.at(from.atTime(local.toLocalTime())); // same clock hour, no zone round trip
    }
    Instant mapped = from.atTime(local.toLocalTime()).atZone(PARIS).toInstant();
    return source.watts(mapped);
  }

  static LocalDate sourceDate(LocalDate target, int loadYear) {
    LocalDate sameDay = target.withYear(loadYear);
    int shift = target.getDayOfWeek().getValue() - sameDay.getDayOfWeek().getValue();
    if (shift > 3) {
      shift -= 7;
    } else if (shift < -3) {
      shift += 7;
    }
    LocalDate candidate = sameDay.plus(shift, ChronoUnit.DAYS);
    if (candidate.getYear() < loadYear) {
      candidate = candidate.plusWeeks(1);
    } else if (candidate.getYear() > loadYear) {
      candidate = candidate.minusWeeks(1);
    }
    return candidate;
  }
}
