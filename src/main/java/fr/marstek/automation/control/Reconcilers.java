package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** One {@link BatteryReconciler} per battery, made at its first cycle. */
final class Reconcilers {

  private final Map<BatteryId, BatteryReconciler> reconcilers = new ConcurrentHashMap<>();
  private final Batteries batteries;
  private final SlotRecord slots;
  private final InstantSource clock;

  Reconcilers(Batteries batteries, SlotRecord slots, InstantSource clock) {
    this.batteries = batteries;
    this.slots = slots;
    this.clock = clock;
  }

  /** The battery's reconciler, made with these rules the first time; empty for an unknown id. */
  Optional<BatteryReconciler> of(BatteryId id, Function<BatteryId, ControlRules> rules) {
    return Optional.ofNullable(
        reconcilers.computeIfAbsent(
            id,
            key -> {
              Optional<BatteryPort> port = batteries.find(key);
              return port.map(p -> new BatteryReconciler(p, rules.apply(key), clock, slots))
                  .orElse(null);
            }));
  }

  /** New rules for every battery, from its next cycle on. */
  void use(Function<BatteryId, ControlRules> rules) {
    reconcilers.forEach((id, reconciler) -> reconciler.use(rules.apply(id)));
  }

  Optional<ControlView> view(BatteryId battery) {
    return Optional.ofNullable(reconcilers.get(battery)).map(BatteryReconciler::view);
  }

  /** What each battery's reconciler aims at and how far it got. */
  Stream<ControlView> views() {
    return reconcilers.values().stream().map(BatteryReconciler::view);
  }

  Optional<Instant> followUpAt(BatteryId battery) {
    return Optional.ofNullable(reconcilers.get(battery)).flatMap(BatteryReconciler::followUpAt);
  }
}
