package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Optional;

/**
 * A command sent to a battery and how it answered.
 *
 * @param command the command in words
 * @param detail the battery's own answer when it did not acknowledge
 */
public record CommandSent(
    BatteryId battery,
    Phrase command,
    Outcome outcome,
    Optional<String> detail,
    Cause cause,
    Instant at) {

  /** How the battery answered. */
  public enum Outcome {
    ACKNOWLEDGED,
    REJECTED,
    UNREACHABLE
  }
}
