package fr.marstek.automation.device.marstek;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Hands out send instants at least a small gap apart, so two batteries are never hit at once. Each
 * slot is kept on its own, so a battery that books one seconds ahead (quiet gap, retry backoff)
 * does not hold back a battery that may send now.
 */
final class SendStagger {

  private final Duration gap;
  private final NavigableSet<Instant> slots = new TreeSet<>();

  SendStagger(Duration gap) {
    this.gap = gap;
  }

  /**
   * The first instant at or after {@code earliest} (itself not before {@code now}) at least the gap
   * away from every slot already handed out.
   */
  synchronized Instant reserve(Instant earliest, Instant now) {
    if (gap.isZero()) {
      return earliest;
    }
    slots.headSet(now.minus(gap), false).clear(); // past slots constrain nothing any more
    Instant slot = earliest;
    boolean moved = true;
    while (moved) {
      moved = false;
      Instant before = slots.floor(slot);
      if (before != null && slot.isBefore(before.plus(gap))) {
        slot = before.plus(gap);
        moved = true;
      }
      Instant after = slots.ceiling(slot);
      if (after != null && after.isBefore(slot.plus(gap))) {
        slot = after.plus(gap);
        moved = true;
      }
    }
    slots.add(slot);
    return slot;
  }
}
