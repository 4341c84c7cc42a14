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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;

/**
 * Control's public API: reconciles each battery as soon as it reports, and takes the household's
 * overrides and pause. It is the only place that commands batteries.
 */
public class Automation {

  private static final Logger log = LoggerFactory.getLogger(Automation.class);

  private final Map<BatteryId, BatteryReconciler> reconcilers = new ConcurrentHashMap<>();
  private final Batteries batteries;
  private volatile ControlSettings settings;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final Overrides overrides = new Overrides();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final AtomicBoolean reportedUnread = new AtomicBoolean();
  private final IntentStore store;
  private final PlanKeeper plans;
  private final LeaseKeeper leases;
  private final SlotRecord slots;
  private volatile boolean storedIntentRead;
  private final Map<BatteryId, Percent> lastSoc = new ConcurrentHashMap<>();
  private final ImportCapGrants caps;

  Automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      IntentStore store,
      PlanKeeper plans,
      LeaseKeeper leases,
      SlotRecord slots) {
    this(batteries, settings, events, clock, store, plans, leases, slots, ImportCapGrants.none());
  }

  Automation(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      IntentStore store,
      PlanKeeper plans,
      LeaseKeeper leases,
      SlotRecord slots,
      ImportCapGrants caps) {
    this.caps = caps;
    this.plans = plans;
    this.leases = leases;
    this.slots = slots;
    this.batteries = batteries;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
    this.store = store;
    readStoredIntent();
    leases.alsoEachRound(slots::save);
    leases.alsoEachRound(this::readStoredIntentOnce);
  }

  // Read at start-up; when the database does not answer then, once it does (by the lease keeper).
  private void readStoredIntent() {
    try {
      List<ModeOverride> stored = store.load(clock.instant());
      boolean storedPause = store.loadPaused();
      stored.forEach(overrides::put);
      paused.set(storedPause);
      storedIntentRead = true;
      if (reportedUnread.get()) {
        log.info(
            "Database answers: stored overrides {} and pause ({}) now apply", stored, storedPause);
      }
    } catch (DataAccessException e) {
      if (reportedUnread.compareAndSet(false, true)) {
        log.warn(
            "Stored overrides and pause cannot be read ({}): control follows the schedule and"
                + " plan until the database answers, then applies them",
            e.getMessage());
      }
    }
  }

  private void readStoredIntentOnce() {
    if (!storedIntentRead) {
      readStoredIntent();
    }
  }

  /** False until the stored overrides and pause could be read from the database. */
  public boolean storedIntentRead() {
    return storedIntentRead;
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
    if (!leases.mayCommand(id)) {
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

  /**
   * Whether the battery's next poll must read the meter: the import cap needs a fresh reading while
   * batteries may charge (by night, or when one is told to charge), as often as the cap needs it
   * ({@link ImportCapGrants#meterDue}); otherwise the meter is read at its own slow pace, which is
   * enough for the house-load history.
   */
  public boolean meterNeeded(BatteryId id) {
    if (!importCap().isSet()) {
      return false;
    }
    boolean night =
        settings().schedule().periodAt(clock.instant()) == OperatingSchedule.Period.NIGHT;
    boolean mayCharge = night || batteries.all().stream().anyMatch(b -> wantsGridCharge(b.id()));
    return mayCharge && caps.meterDue(id, clock.instant());
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

  /** Whether the lease keeper hangs on the database, and whether the database answers it. */
  public LeaseHealth leaseHealth() {
    return new LeaseHealth(
        leases.stalledSince(),
        leases.away().map(LeaseKeeper.Away::since),
        leases.away().map(LeaseKeeper.Away::error));
  }

  LeaseKeeper leaseKeeper() {
    return leases;
  }

  /**
   * When a battery should be polled before its next regular poll: about 10 s after a Passive
   * command, to see whether its power follows.
   */
  public Optional<Instant> followUpAt(BatteryId battery) {
    return Optional.ofNullable(reconcilers.get(battery)).flatMap(BatteryReconciler::followUpAt);
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
                  p ->
                      new BatteryReconciler(
                          p, rulesFor(key, caps.current(key)), events, clock, slots))
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
