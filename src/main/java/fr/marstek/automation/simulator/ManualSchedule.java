package fr.marstek.automation.simulator;

import fr.marstek.automation.device.ModeCommand.ManualSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ten Manual slots in the battery's local time. A window whose end is not after its start wraps
 * past midnight and belongs to the day it starts on (the firmware's behaviour is unverified). An
 * end of 23:59 runs to midnight, as the vendor's all-day slot 00:00-23:59 does (spec 5.3).
 */
final class ManualSchedule {

  private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

  private final ZoneId zone;
  private final ManualSlot[] slots = new ManualSlot[ManualSlot.SLOTS];
  private boolean lastMinuteIdle;

  ManualSchedule(ZoneId zone) {
    this.zone = zone;
  }

  void write(ManualSlot slot) {
    slots[slot.index()] = slot;
  }

  /** Ends a slot written to end at 23:59 at 23:59:00, as a firmware might (Faults). */
  void lastMinuteIdle(boolean on) {
    lastMinuteIdle = on;
  }

  void clear() {
    Arrays.fill(slots, null);
  }

  List<ManualSlot> slots() {
    return Arrays.stream(slots).filter(Objects::nonNull).toList();
  }

  /** The first enabled slot covering this instant, in slot order. */
  Optional<ManualSlot> activeAt(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    for (ManualSlot slot : slots) {
      if (slot != null && slot.enabled() && covers(slot, local)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  /** The next instant after {@code instant} where a slot starts or ends, or local midnight. */
  Instant nextBoundaryAfter(Instant instant) {
    LocalDate today = LocalDate.ofInstant(instant, zone);
    Instant best = today.plusDays(1).atStartOfDay(zone).toInstant();
    List<LocalTime> times = new ArrayList<>();
    for (ManualSlot slot : slots) {
      if (slot != null && slot.enabled()) {
        times.add(slot.start());
        if (lastMinuteIdle || !slot.end().equals(LAST_MINUTE)) {
          times.add(slot.end());
        }
      }
    }
    for (LocalTime time : times) {
      for (LocalDate day : List.of(today, today.plusDays(1))) {
        Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
        if (candidate.isAfter(instant) && candidate.isBefore(best)) {
          best = candidate;
        }
      }
    }
    return best;
  }

  private boolean covers(ManualSlot slot, LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    boolean wraps = !slot.end().isAfter(slot.start());
    if (!wraps) {
      boolean toMidnight = slot.end().equals(LAST_MINUTE) && !lastMinuteIdle;
      boolean beforeEnd = toMidnight || time.isBefore(slot.end());
      return runsOn(slot, local.toLocalDate()) && !time.isBefore(slot.start()) && beforeEnd;
    }
    boolean lateToday = !time.isBefore(slot.start()) && runsOn(slot, local.toLocalDate());
    boolean earlyAfterYesterday =
        time.isBefore(slot.end()) && runsOn(slot, local.toLocalDate().minusDays(1));
    return lateToday || earlyAfterYesterday;
  }

  private static boolean runsOn(ManualSlot slot, LocalDate day) {
    return slot.days().contains(day.getDayOfWeek());
  }
}
