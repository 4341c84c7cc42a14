package fr.marstek.automation.notify;

import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.BatteryPlan;
import fr.marstek.automation.planning.PlanSlot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One battery's grid charge planned between {@code from} and the end of the night: its slots, the
 * state of charge it should reach and by when.
 */
record NightCharge(String battery, List<PlanSlot> slots) {

  NightCharge {
    slots = List.copyOf(slots);
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a night charge has at least one slot");
    }
  }

  /** The charge slots of {@code plan} that end after {@code from} and start before {@code end}. */
  static Optional<NightCharge> of(BatteryPlan plan, Instant from, Instant end) {
    List<PlanSlot> charging =
        plan.slots().stream()
            .filter(s -> s.action() instanceof Action.ChargeFromGrid)
            .filter(s -> s.end().isAfter(from) && s.start().isBefore(end))
            .toList();
    return charging.isEmpty()
        ? Optional.empty()
        : Optional.of(new NightCharge(plan.battery(), charging));
  }

  double targetSoc() {
    return slots.getLast().targetSoc().value();
  }

  Instant doneBy() {
    return slots.getLast().end();
  }

  Instant startsAt() {
    return slots.getFirst().start();
  }
}
