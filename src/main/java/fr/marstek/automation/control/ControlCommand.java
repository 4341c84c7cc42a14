package fr.marstek.automation.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What a person asks of control, from any adapter (REST, dashboard, MQTT), before any check: {@link
 * ControlCommands#submit} validates it and answers accepted or refused, and why.
 */
public sealed interface ControlCommand {

  /**
   * Force a mode on one battery or (empty battery) all, until a time or for a duration (neither:
   * until the next schedule change).
   *
   * @param battery the battery's id as given (the X of BATTERY_X_IP)
   * @param mode a {@link ModeName}, as typed
   * @param powerW MANUAL: charging power (default the battery's limit); PASSIVE: AC power, negative
   *     charges (required)
   * @param targetSoc MANUAL: stop charging at this state of charge (default 100)
   */
  record Force(
      Optional<String> battery,
      String mode,
      Optional<Instant> until,
      Optional<Duration> duration,
      Optional<Integer> powerW,
      Optional<Integer> targetSoc,
      boolean allowPeakGridCharge)
      implements ControlCommand {

    /**
     * The fields as a JSON body carries them (the REST API's and MQTT's), null where absent: the
     * one place that turns that form into a command, so both adapters send control the same one.
     */
    public static Force fromBody(
        Optional<String> battery,
        String mode,
        OffsetDateTime until,
        Duration duration,
        Integer powerW,
        Integer targetSoc,
        Boolean allowPeakGridCharge) {
      return new Force(
          battery,
          mode,
          Optional.ofNullable(until).map(OffsetDateTime::toInstant),
          Optional.ofNullable(duration),
          Optional.ofNullable(powerW),
          Optional.ofNullable(targetSoc),
          Boolean.TRUE.equals(allowPeakGridCharge));
    }

    /** A bare mode name with every default, as Home Assistant's select sends it. */
    public static Force named(Optional<String> battery, String mode) {
      return new Force(
          battery,
          mode,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false);
    }
  }

  /** End a battery's override, or (empty battery) every override, the fleet's and each one's. */
  record ClearOverride(Optional<String> battery) implements ControlCommand {}

  /** Stop sending commands (batteries keep what they do), or resume. */
  record Pause(boolean paused) implements ControlCommand {}
}
