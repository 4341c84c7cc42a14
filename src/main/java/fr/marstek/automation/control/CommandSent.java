package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;

/** A command sent to a battery and how it answered. */
public record CommandSent(
    BatteryId battery, String command, Outcome outcome, String detail, Cause cause, Instant at) {

  /** How the battery answered. */
  public enum Outcome {
    ACKNOWLEDGED,
    REJECTED,
    UNREACHABLE
  }
}
