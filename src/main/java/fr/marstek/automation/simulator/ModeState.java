package fr.marstek.automation.simulator;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The battery's mode and what it asks of the inverter: the AC setpoint at an instant and the
 * instants where that setpoint may jump. Not thread-safe; {@link SimulatedBattery} guards it.
 */
final class ModeState {

  private static final Duration LONGEST_STEP = Duration.ofSeconds(60);

  private final ManualSchedule schedule = new ManualSchedule(PARIS);
  private final Watts chargeLimit;
  private Watts dischargeLimit;
  private DeviceMode mode = DeviceMode.AUTO;
  private DeviceMode beforePassive = DeviceMode.AUTO;
  private Optional<PassiveSetpoint> passive = Optional.empty();
  private ForceCommand external = ForceCommand.OFF;

  ModeState(Watts chargeLimit, Watts dischargeLimit) {
    this.chargeLimit = chargeLimit;
    this.dischargeLimit = dischargeLimit;
  }

  DeviceMode mode() {
    return mode;
  }

  List<ManualSlot> slots() {
    return schedule.slots();
  }

  /** One mode byte behind the Open API's mode and Modbus 42000/43000 (spec 7.1). */
  void switchTo(DeviceMode next) {
    mode = next;
    passive = Optional.empty();
    external = external.off();
  }

  ForceCommand external() {
    return external;
  }

  void external(ForceCommand next) {
    external = next;
  }

  void writeSlot(ManualSlot slot) {
    schedule.write(slot);
    switchTo(DeviceMode.MANUAL);
  }

  void startPassive(Watts power, Instant deadline) {
    if (mode != DeviceMode.PASSIVE) {
      beforePassive = mode;
    }
    mode = DeviceMode.PASSIVE;
    passive = Optional.of(new PassiveSetpoint(power, deadline));
    external = external.off();
  }

  void lastMinuteIdle(boolean on) {
    schedule.lastMinuteIdle(on);
  }

  void clearSlots() {
    schedule.clear();
  }

  void setDischargeLimit(Watts limit) {
    dischargeLimit = limit;
  }

  /** The AC power asked for at {@code t}, within the limits; Auto and AI cover the house load. */
  double setpointAt(Instant t, double loadW) {
    if (external.on()) {
      return Math.max(-chargeLimit.value(), Math.min(dischargeLimit.value(), external.power()));
    }
    double wanted =
        switch (mode) {
          case AUTO, AI -> loadW;
          case MANUAL -> schedule.activeAt(t).map(s -> s.power().value()).orElse(0.0);
          case PASSIVE -> passive.map(p -> p.power().value()).orElse(0.0);
          case UPS, UNKNOWN -> 0;
        };
    return Math.max(-chargeLimit.value(), Math.min(dischargeLimit.value(), wanted));
  }

  /** Where a step from {@code from} must end: 60 s, the hour, a slot edge or the deadline. */
  Instant stepEnd(Instant from, Instant limit) {
    Instant end = earliest(from.plus(LONGEST_STEP), limit);
    end = earliest(end, from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    if (mode == DeviceMode.MANUAL) {
      end = earliest(end, schedule.nextBoundaryAfter(from));
    }
    if (passive.isPresent()) {
      end = earliest(end, passive.get().deadline());
    }
    return end;
  }

  /** Ends an expired Passive countdown: back to the mode before it (assumption, spec 5.4). */
  void reached(Instant t) {
    if (passive.isPresent() && !t.isBefore(passive.get().deadline())) {
      switchTo(beforePassive);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private record PassiveSetpoint(Watts power, Instant deadline) {}
}
