package fr.marstek.automation.planning;

import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Objects;

/**
 * One hour of one battery's plan: the action, the state of charge expected at its end, and why, as
 * a phrase of the message catalogue (keys {@code reason.*}).
 */
public record PlanSlot(
    Instant start, Instant end, Action action, Percent targetSoc, Phrase reason) {

  public PlanSlot {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetSoc, "targetSoc");
    Objects.requireNonNull(reason, "reason");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("slot must end after it starts");
    }
  }

  @Override
  public String toString() {
    return start + " " + action + " -> " + targetSoc + ": " + reason;
  }
}
