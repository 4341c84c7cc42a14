package fr.marstek.automation.device;

import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A mode change sent to a battery. Power follows the device convention: negative charges the
 * battery from AC, positive discharges it to the house.
 */
public sealed interface ModeCommand {

  /** The mode the battery should report once it obeyed. */
  DeviceMode expectedMode();

  /** Self-consumption. */
  record Auto() implements ModeCommand {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.AUTO;
    }
  }

  /** Vendor AI optimisation. */
  record Ai() implements ModeCommand {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.AI;
    }
  }

  /** Writes one Manual slot and switches the battery to Manual. */
  record Manual(ManualSlot slot) implements ModeCommand {
    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.MANUAL;
    }
  }

  /** A fixed AC setpoint that the battery drops by itself when the countdown ends. */
  record Passive(Watts power, Duration countdown) implements ModeCommand {
    public static final Duration LONGEST = Duration.ofHours(24);

    public Passive {
      if (countdown.isNegative() || countdown.isZero() || countdown.compareTo(LONGEST) > 0) {
        throw new IllegalArgumentException(
            "passive countdown must be 1 s to 24 h, was " + countdown);
      }
    }

    @Override
    public DeviceMode expectedMode() {
      return DeviceMode.PASSIVE;
    }
  }

  /**
   * One time-of-use slot. The window is [start, end) in the battery's local time on the given days;
   * slots persist on the device and cannot be read back.
   */
  record ManualSlot(
      int index,
      LocalTime start,
      LocalTime end,
      Set<DayOfWeek> days,
      Watts power,
      boolean enabled) {

    public static final int SLOTS = 10;

    public ManualSlot {
      if (index < 0 || index >= SLOTS) {
        throw new IllegalArgumentException("manual slot index must be 0-9, was " + index);
      }
      if (start.getSecond() != 0 || end.getSecond() != 0) {
        throw new IllegalArgumentException("manual slot times are whole minutes");
      }
      days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** The disabled placeholder clients write to reach Manual without touching real slots. */
    public static ManualSlot placeholder() {
      return new ManualSlot(9, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(), Watts.ZERO, false);
    }

    /** Bit 0 = Monday ... bit 6 = Sunday, as {@code week_set} carries it. */
    public int weekSet() {
      int mask = 0;
      for (DayOfWeek day : days) {
        mask |= 1 << (day.getValue() - 1);
      }
      return mask;
    }

    public static Set<DayOfWeek> daysOf(int weekSet) {
      EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (DayOfWeek day : DayOfWeek.values()) {
        if ((weekSet & (1 << (day.getValue() - 1))) != 0) {
          days.add(day);
        }
      }
      return days;
    }
  }
}
