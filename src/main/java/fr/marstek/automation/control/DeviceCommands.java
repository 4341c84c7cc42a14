package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.control.OperatingSchedule.Period;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

/**
 * Expresses an intent as device commands that stay safe if this service dies: night charging is a
 * Manual slot the battery ends by itself in the morning, a fixed setpoint a Passive countdown.
 */
final class DeviceCommands {

  /** Slots this service owns on the device; the others are left to the household's app. */
  static final int EVENING_SLOT = 0;

  static final int MORNING_SLOT = 1;

  /** A Passive setpoint never outlives the service by more than this. */
  static final Duration PASSIVE_LEASE = Duration.ofMinutes(15);

  private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

  private DeviceCommands() {}

  static List<ModeCommand> forIntent(Intent intent, OperatingSchedule schedule, Instant now) {
    return switch (intent) {
      case SelfConsumption s -> List.of(new ModeCommand.Auto());
      case VendorAi a -> List.of(new ModeCommand.Ai());
      case GridCharge c ->
          nightSlots(schedule, chargingFrom(schedule, now), c.power().negate(), true);
      case Idle i -> nightSlots(schedule, schedule.dayEnd(), Watts.ZERO, false);
      case FixedPower f -> List.of(passive(f, now));
    };
  }

  /** The night's start, or now when an override asks for charging before the night begins. */
  private static LocalTime chargingFrom(OperatingSchedule schedule, Instant now) {
    if (schedule.periodAt(now) == Period.NIGHT) {
      return schedule.dayEnd();
    }
    return LocalDateTime.ofInstant(now, PARIS).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
  }

  // Windows crossing midnight are unverified on real firmware (spec 5.3), so the night is split:
  // [start, midnight) as start-23:59, the only documented way to say "to the end of the day" (the
  // vendor's all-day slot is 00:00-23:59), and [midnight, end). A part that would be empty, or
  // 23:59-23:59 or 00:00-00:00 (which a firmware may read as all day), is written disabled.
  private static List<ModeCommand> nightSlots(
      OperatingSchedule schedule, LocalTime start, Watts power, boolean enabled) {
    LocalTime end = schedule.dayStart();
    var everyDay = EnumSet.allOf(DayOfWeek.class);
    if (start.isBefore(end)) {
      return List.of(
          manual(new ManualSlot(EVENING_SLOT, start, end, everyDay, power, enabled)),
          manual(disabled(MORNING_SLOT)));
    }
    ManualSlot evening =
        start.isBefore(LAST_MINUTE)
            ? new ManualSlot(EVENING_SLOT, start, LAST_MINUTE, everyDay, power, enabled)
            : disabled(EVENING_SLOT);
    ManualSlot morning =
        end.isAfter(LocalTime.MIDNIGHT)
            ? new ManualSlot(MORNING_SLOT, LocalTime.MIDNIGHT, end, everyDay, power, enabled)
            : disabled(MORNING_SLOT);
    return List.of(manual(evening), manual(morning));
  }

  /**
   * Whether {@code now} falls in the last minute of an evening slot that ends at 23:59 and is
   * followed by a morning slot from 00:00: a firmware that ends the slot at 23:59:00 idles for that
   * minute, which is not a drift.
   */
  static boolean inMidnightGap(List<ModeCommand> commands, Instant now) {
    LocalTime local = LocalDateTime.ofInstant(now, PARIS).toLocalTime();
    if (local.isBefore(LAST_MINUTE)) {
      return false;
    }
    boolean eveningToTheEnd = false;
    boolean morningFromMidnight = false;
    for (ModeCommand command : commands) {
      if (command instanceof ModeCommand.Manual(ManualSlot slot) && slot.enabled()) {
        eveningToTheEnd |= slot.end().equals(LAST_MINUTE);
        morningFromMidnight |= slot.start().equals(LocalTime.MIDNIGHT);
      }
    }
    return eveningToTheEnd && morningFromMidnight;
  }

  private static ManualSlot disabled(int index) {
    return new ManualSlot(
        index,
        LocalTime.MIDNIGHT,
        LocalTime.MIDNIGHT,
        EnumSet.noneOf(DayOfWeek.class),
        Watts.ZERO,
        false);
  }

  private static ModeCommand manual(ManualSlot slot) {
    return new ModeCommand.Manual(slot);
  }

  private static ModeCommand passive(FixedPower f, Instant now) {
    Duration left = Duration.between(now, f.until());
    Duration countdown = left.compareTo(PASSIVE_LEASE) < 0 ? left : PASSIVE_LEASE;
    if (countdown.toSeconds() < 1) {
      countdown = Duration.ofSeconds(1);
    }
    return new ModeCommand.Passive(f.power(), Duration.ofSeconds(countdown.toSeconds()));
  }
}
