package fr.marstek.automation.planning;

import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per battery, per hour: what to do and why. */
public record Plan(Instant madeAt, Strategy strategy, List<BatteryPlan> batteries) {

  public Plan {
    batteries = List.copyOf(batteries);
  }

  /** The slot of {@code battery} that contains {@code t}. */
  public Optional<PlanSlot> slotAt(String battery, Instant t) {
    return batteries.stream()
        .filter(b -> b.battery().equals(battery))
        .flatMap(b -> b.slots().stream())
        .filter(s -> !t.isBefore(s.start()) && t.isBefore(s.end()))
        .findFirst();
  }

  /** The planned state of charge of {@code battery} at {@code t} (end of the slot before it). */
  public Optional<Percent> socAt(String battery, Instant t) {
    return batteries.stream()
        .filter(b -> b.battery().equals(battery))
        .flatMap(b -> b.slots().stream())
        .filter(s -> !s.end().isAfter(t))
        .reduce((first, second) -> second)
        .map(PlanSlot::targetSoc);
  }
}
