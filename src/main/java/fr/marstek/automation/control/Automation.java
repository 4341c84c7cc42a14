package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Control's public API: reconciles each battery as soon as it reports, and takes the household's
 * overrides and pause. It is the only place that commands batteries.
 */
public class Automation {

  private final Map<BatteryId, BatteryReconciler> reconcilers = new ConcurrentHashMap<>();
  private final Batteries batteries;
  private volatile ControlSettings settings;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final Overrides overrides = new Overrides();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final IntentStore store;
  private final PlanKeeper plans;
  private final BatteryLeases leases;
  private final Map<BatteryId, Percent> lastSoc = new ConcurrentHashMap<>();
  private final ImportCapGrants caps;

  Automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      IntentStore store,
      PlanKeeper plans,
      BatteryLeases leases) {
    this(batteries, settings, events, clock, store, plans, leases, ImportCapGrants.none());
  }

  Automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      IntentStore store,
      PlanKeeper plans,
      BatteryLeases leases,
      ImportCapGrants caps) {
    this.caps = caps;
    this.plans = plans;
    this.leases = leases;
    this.batteries = batteries;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.store = store;
    store.load(clock.instant()).forEach(overrides::put);
    paused.set(store.loadPaused());
  }

  /** Runs on the thread that observed the battery, so one slow battery delays no other. */
  @EventListener
  public void on(BatteryStatusObserved observed) {
    BatteryId id = observed.status().id();
    BatteryReconciler reconciler = reconcilerFor(id);
    if (reconciler == null) {
      return;
    }
    lastSoc.put(id, observed.status().soc());
    Instant now = clock.instant();
    if (!leases.hold(id, now)) {
      return; // another instance commands this battery
    }
    ChargeAllowance allowance =
        caps.allowanceFor(observed.status(), this::wantsGridCharge, now, events::publishEvent);
    if (allowance.allowed() != caps.current(id).allowed()) {
      // re-sent at once, as a changed MAX_CHARGE_W is
      reconciler.use(rulesFor(id, allowance));
    }
    ControlView view =
        reconciler.reconcile(
            observed.status(), overrides.current(now), paused.get(), planned(id, now));
    caps.granted(id, allowance, gridChargePower(view), now);
  }

  /** New import cap settings: each battery's next cycle follows them. */
  void use(ImportCapSettings next) {
    caps.use(next);
    plans.use(next);
  }

  public ImportCapSettings importCap() {
    return caps.settings();
  }

  private boolean wantsGridCharge(BatteryId id) {
    return gridChargePower(view(id).orElse(null)) > 0;
  }

  private static double gridChargePower(ControlView view) {
    return view != null
            && view.desired().isPresent()
            && view.desired().get().intent() instanceof Intent.GridCharge g
        ? g.power().value()
        : 0;
  }

  /** The current plan when the strategy plans, made from the batteries' last states of charge. */
  public Optional<Plan> plan() {
    if (settings.strategy() != ControlSettings.Strategy.TEMPO || lastSoc.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(plans.planFor(clock.instant(), Map.copyOf(lastSoc)));
  }

  private Optional<DesiredState> planned(BatteryId id, Instant now) {
    return plan().flatMap(p -> PlannedState.at(p, id, now, settings.limitsFor(id)));
  }

  /** The control settings in force (they change when the household edits them at run time). */
  public ControlSettings settings() {
    return settings;
  }

  /**
   * New hours, strategy, reserve or power limits: every battery's next control cycle follows them,
   * and the plan is made again.
   */
  void use(ControlSettings next) {
    settings = next;
    plans.use(next);
    reconcilers.forEach((id, reconciler) -> reconciler.use(rulesFor(id, caps.current(id))));
  }

  /** Lets other instances take the batteries over at once. */
  public void releaseBatteries() {
    leases.releaseAll();
  }

  public Optional<ControlView> view(BatteryId battery) {
    return Optional.ofNullable(reconcilers.get(battery)).map(BatteryReconciler::view);
  }

  /** Forces an intent until a time; an empty battery means every battery. */
  public void override(
      Optional<BatteryId> battery, Intent intent, Instant until, boolean gridChargeInPeak) {
    var override = new ModeOverride(battery, intent, until, gridChargeInPeak);
    store.save(override); // first: a database outage refuses the override instead of half-taking it
    overrides.put(override);
  }

  public boolean clearOverride(Optional<BatteryId> battery) {
    store.delete(battery);
    return overrides.clear(battery);
  }

  public List<ModeOverride> overrides() {
    return overrides.current(clock.instant());
  }

  public void pause() {
    store.savePaused(true);
    paused.set(true);
  }

  public void resume() {
    store.savePaused(false);
    paused.set(false);
  }

  public boolean isPaused() {
    return paused.get();
  }

  /** The next hours of one battery and why, assuming its state of charge stays {@code soc}. */
  public List<ScheduleStep> schedule(BatteryId battery, Percent soc, Duration horizon) {
    var rules = rulesFor(battery);
    Optional<Plan> plan = plan();
    return ScheduleForecast.ahead(
        rules.selector(),
        rules.schedule(),
        battery,
        soc,
        overrides(),
        clock.instant(),
        horizon,
        t -> plan.flatMap(p -> PlannedState.at(p, battery, t, settings.limitsFor(battery))));
  }

  private BatteryReconciler reconcilerFor(BatteryId id) {
    return reconcilers.computeIfAbsent(
        id,
        key -> {
          Optional<BatteryPort> port = batteries.find(key);
          return port.map(
                  p -> new BatteryReconciler(p, rulesFor(key, caps.current(key)), events, clock))
              .orElse(null);
        });
  }

  private ControlRules rulesFor(BatteryId battery) {
    return new ControlRules(settings.schedule(), settings.limitsFor(battery), settings.retry());
  }

  private ControlRules rulesFor(BatteryId battery, ChargeAllowance allowance) {
    return new ControlRules(
        settings.schedule(), settings.limitsFor(battery), settings.retry(), allowance);
  }
}
