package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A command sent to a battery and its outcome.
 *
 * @param command the command in words, written in each reader's language when read
 * @param detail the battery's own answer when it did not acknowledge
 */
public record CommandRecord(
    BatteryId battery,
    Instant at,
    Phrase command,
    ChangeCause cause,
    CommandOutcome outcome,
    Optional<String> detail) {

  public CommandRecord {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(command, "command must be described");
    detail = detail.map(d -> ColumnText.shortened(d, 500));
  }
}
