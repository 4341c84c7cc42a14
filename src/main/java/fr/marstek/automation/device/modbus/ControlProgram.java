package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the Open API's Manual slots and Passive countdown would make the battery do, kept by the
 * client because Modbus has only an open-ended force command: the client runs it whenever it talks
 * to the battery (and on its own while the control cycle is silent), so a night charge still ends
 * at the slot's end and a fixed power at its countdown. Not thread-safe; {@link ModbusBattery}
 * guards it.
 */
final class ControlProgram {

  private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

  enum Kind {
    /** The battery runs itself (self-consumption or AI). */
    NONE,
    MANUAL,
    PASSIVE
  }

  private final ZoneId zone;
  private final ManualSlot[] slots = new ManualSlot[ManualSlot.SLOTS];
  private Kind kind = Kind.NONE;
  private Watts passivePower = Watts.ZERO;
  private Instant passiveUntil = Instant.MIN;

  ControlProgram(ZoneId zone) {
    this.zone = zone;
  }

  Kind kind() {
    return kind;
  }

  /** The mode the Open API would report for this program while the battery is held. */
  DeviceMode mode() {
    return kind == Kind.PASSIVE ? DeviceMode.PASSIVE : DeviceMode.MANUAL;
  }

  void none() {
    kind = Kind.NONE;
  }

  /** Writes one slot and runs the slot table, as {@code ES.SetMode} Manual does. */
  void manual(ManualSlot slot) {
    slots[slot.index()] = slot;
    kind = Kind.MANUAL;
  }

  void passive(Watts power, Instant until) {
    kind = Kind.PASSIVE;
    passivePower = power;
    passiveUntil = until;
  }

  boolean passiveEnded(Instant now) {
    return kind == Kind.PASSIVE && !now.isBefore(passiveUntil);
  }

  /** The device-convention power asked for at {@code now}. */
  Watts powerAt(Instant now) {
    return switch (kind) {
      case NONE -> Watts.ZERO;
      case PASSIVE -> passiveEnded(now) ? Watts.ZERO : passivePower;
      case MANUAL -> activeSlot(now).map(ManualSlot::power).orElse(Watts.ZERO);
    };
  }

  /**
   * The first enabled slot covering this instant. A window whose end is not after its start wraps
   * past midnight; an end of 23:59 runs to midnight, as the vendor's all-day slot does.
   */
  private Optional<ManualSlot> activeSlot(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    for (ManualSlot slot : slots) {
      if (slot != null && slot.enabled() && covers(slot, local)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  private static boolean covers(ManualSlot slot, LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    if (slot.end().isAfter(slot.start())) {
      boolean beforeEnd = slot.end().equals(LAST_MINUTE) || time.isBefore(slot.end());
      return slot.days().contains(day.getDayOfWeek()) && !time.isBefore(slot.start()) && beforeEnd;
    }
    boolean lateToday = !time.isBefore(slot.start()) && slot.days().contains(day.getDayOfWeek());
    boolean earlyAfterYesterday =
        time.isBefore(slot.end()) && slot.days().contains(day.minusDays(1).getDayOfWeek());
    return lateToday || earlyAfterYesterday;
  }
}
