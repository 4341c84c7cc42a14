package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.PlanSlot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the plan wants of one battery at an instant, as a desired state with the plan's reason. */
final class PlannedState {

  private PlannedState() {}

  static Optional<DesiredState> at(Plan plan, BatteryId battery, Instant t, SafetyLimits limits) {
    List<PlanSlot> slots =
        plan.batteries().stream()
            .filter(b -> b.battery().equals(battery.value()))
            .flatMap(b -> b.slots().stream())
            .toList();
    for (int i = 0; i < slots.size(); i++) {
      PlanSlot slot = slots.get(i);
      if (!t.isBefore(slot.start()) && t.isBefore(slot.end())) {
        return Optional.of(stateOf(slots, i, limits));
      }
    }
    return Optional.empty();
  }

  private static DesiredState stateOf(List<PlanSlot> slots, int index, SafetyLimits limits) {
    PlanSlot slot = slots.get(index);
    Intent intent =
        switch (slot.action()) {
          // One steady intent for the whole charging run, so the battery is not re-commanded
          // hourly.
          case Action.ChargeFromGrid c ->
              new Intent.GridCharge(limits.maxCharge(), runTarget(slots, index));
          case Action.CoverHouse c -> new Intent.SelfConsumption();
          case Action.Hold h -> new Intent.Idle();
        };
    return new DesiredState(intent, Cause.PLAN, slot.reason());
  }

  private static fr.marstek.automation.units.Percent runTarget(List<PlanSlot> slots, int from) {
    int last = from;
    while (last + 1 < slots.size()
        && slots.get(last + 1).action() instanceof Action.ChargeFromGrid
        && slots.get(last + 1).start().equals(slots.get(last).end())) {
      last++;
    }
    return slots.get(last).targetSoc();
  }
}
