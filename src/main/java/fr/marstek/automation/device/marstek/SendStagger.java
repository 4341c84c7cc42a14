package fr.marstek.automation.device.marstek;

import java.time.Duration;
import java.time.Instant;

/** Hands out send instants at least a small gap apart, so two batteries are never hit at once. */
final class SendStagger {

  private final Duration gap;
  private Instant lastSlot = Instant.MIN;

  SendStagger(Duration gap) {
    this.gap = gap;
  }

  /** The first instant at or after {@code earliest} that keeps the gap to every earlier slot. */
  synchronized Instant reserve(Instant earliest) {
    Instant afterLast = lastSlot.equals(Instant.MIN) ? earliest : lastSlot.plus(gap);
    Instant slot = earliest.isAfter(afterLast) ? earliest : afterLast;
    lastSlot = slot;
    return slot;
  }
}
