package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A command sent to a battery and its outcome.
 *
 * @param command a short human-readable form, such as {@code Passive -1200 W for 3600 s}
 */
public record CommandRecord(
    BatteryId battery,
    Instant at,
    String command,
    ChangeCause cause,
    CommandOutcome outcome,
    Optional<String> detail) {

  public CommandRecord {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(outcome, "outcome");
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("command must be described");
    }
    command = Texts.shortened(command, 200);
    detail = detail.map(d -> Texts.shortened(d, 500));
  }
}
