package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What every battery's cycle follows besides the household's overrides: the settings in force (they
 * change at run time), the plan made from them and the batteries' last states of charge, and each
 * battery's share of the import cap.
 */
final class Directions {

  private volatile ControlSettings settings;
  private final PlanKeeper plans;
  private final ImportCapGrants caps;
  private final PeakHours peakHours;
  private final Map<BatteryId, Percent> lastSoc = new ConcurrentHashMap<>();

  Directions(
      ControlSettings settings, PlanKeeper plans, ImportCapGrants caps, PeakHours peakHours) {
    this.settings = settings;
    this.plans = plans;
    this.caps = caps;
    this.peakHours = peakHours;
  }

  ControlSettings settings() {
    return settings;
  }

  void use(ControlSettings next) {
    settings = next;
    plans.use(next);
  }

  ImportCapSettings importCap() {
    return caps.settings();
  }

  void use(ImportCapSettings next) {
    caps.use(next);
    plans.use(next);
  }

  /** A battery's state of charge, which the plan is made from. */
  void noteSoc(BatteryId id, Percent soc) {
    lastSoc.put(id, soc);
  }

  /** The current plan when the strategy plans, made from the batteries' last states of charge. */
  Optional<Plan> plan(Instant now) {
    if (settings.strategy() != ControlSettings.Strategy.TEMPO || lastSoc.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(plans.planFor(now, Map.copyOf(lastSoc)));
  }

  /** What the plan wants of one battery now, when the strategy plans. */
  Optional<DesiredState> planned(BatteryId id, Instant now) {
    return plan(now).flatMap(p -> PlannedState.at(p, id, now, settings.limitsFor(id)));
  }

  /** What the battery may draw now under the import cap (see {@link ImportCapGrants}). */
  ChargeAllowance allowanceFor(
      BatteryStatus status,
      Predicate<BatteryId> charging,
      Instant now,
      Consumer<ImportCapExceeded> events) {
    return caps.allowanceFor(status, charging, now, events);
  }

  ChargeAllowance currentAllowance(BatteryId id) {
    return caps.current(id);
  }

  void granted(BatteryId id, ChargeAllowance allowance, double chargingW, Instant now) {
    caps.granted(id, allowance, chargingW, now);
  }

  boolean meterDue(BatteryId id, Instant now) {
    return caps.meterDue(id, now);
  }

  ControlRules rulesFor(BatteryId battery) {
    return new ControlRules(
        settings.schedule(), settings.limitsFor(battery), settings.retry(), peakHours);
  }

  ControlRules rulesFor(BatteryId battery, ChargeAllowance allowance) {
    return new ControlRules(
        settings.schedule(), settings.limitsFor(battery), settings.retry(), allowance, peakHours);
  }
}
