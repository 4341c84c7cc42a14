package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The seed's daily rhythm: self-consumption from {@code AUTO_MODE_START_HOUR} to {@code
 * AUTO_MODE_END_HOUR}, night mode (grid charging allowed) the rest of the day, in Paris wall-clock
 * time so that both daylight-saving nights come out right.
 */
public record OperatingSchedule(LocalTime dayStart, LocalTime dayEnd) {

  public OperatingSchedule {
    if (dayStart.equals(dayEnd)) {
      throw new IllegalArgumentException("day start and day end must differ: " + dayStart);
    }
  }

  public static OperatingSchedule ofHours(int startHour, int endHour) {
    return new OperatingSchedule(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
  }

  /** The part of the day an instant falls in. */
  public enum Period {
    DAY,
    NIGHT
  }

  public Period periodAt(Instant t) {
    LocalTime local = LocalDateTime.ofInstant(t, PARIS).toLocalTime();
    boolean day =
        dayStart.isBefore(dayEnd)
            ? !local.isBefore(dayStart) && local.isBefore(dayEnd)
            : !local.isBefore(dayStart) || local.isBefore(dayEnd);
    return day ? Period.DAY : Period.NIGHT;
  }

  /** The first instant after {@code t} at which the period changes. */
  public Instant nextChange(Instant t) {
    LocalDate date = LocalDateTime.ofInstant(t, PARIS).toLocalDate();
    Instant best = null;
    for (int d = 0; d <= 2 && best == null; d++) {
      for (LocalTime boundary : new LocalTime[] {dayStart, dayEnd}) {
        // ZonedDateTime.of moves a time inside the spring-forward gap to just after it.
        Instant candidate = ZonedDateTime.of(date.plusDays(d), boundary, PARIS).toInstant();
        if (candidate.isAfter(t) && (best == null || candidate.isBefore(best))) {
          best = candidate;
        }
      }
    }
    return best;
  }

  /** Where the night that contains (or follows) {@code t} ends, as an instant. */
  public Instant nightEnd(Instant t) {
    Instant change = nextChange(t);
    return periodAt(t) == Period.NIGHT ? change : nextChange(change);
  }
}
