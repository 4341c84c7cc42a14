package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What control shows the web, MQTT, metrics and notices: the settings in force, the plan, each
 * battery's progress, the household's overrides and pause, the leases. It only reads; commands go
 * through {@link ControlCommands} and batteries are driven by the control cycle.
 */
public class Automation {

  private final Directions directions;
  private final Reconcilers reconcilers;
  private final HouseholdIntent intent;
  private final LeaseKeeper leases;
  private final InstantSource clock;

  Automation(
      Directions directions,
      Reconcilers reconcilers,
      HouseholdIntent intent,
      LeaseKeeper leases,
      InstantSource clock) {
    this.directions = directions;
    this.reconcilers = reconcilers;
    this.intent = intent;
    this.leases = leases;
    this.clock = clock;
  }

  /** False until the stored overrides and pause could be read from the database. */
  public boolean storedIntentRead() {
    return intent.storedIntentRead();
  }

  /** New import cap settings: each battery's next cycle follows them. */
  void use(ImportCapSettings next) {
    directions.use(next);
  }

  public ImportCapSettings importCap() {
    return directions.importCap();
  }

  /** The current plan when the strategy plans, made from the batteries' last states of charge. */
  public Optional<Plan> plan() {
    return directions.plan(clock.instant());
  }

  /** The control settings in force (they change when the household edits them at run time). */
  public ControlSettings settings() {
    return directions.settings();
  }

  /**
   * New hours, strategy, reserve or power limits: every battery's next control cycle follows them,
   * and the plan is made again.
   */
  void use(ControlSettings next) {
    directions.use(next);
    reconcilers.use(id -> directions.rulesFor(id, directions.currentAllowance(id)));
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

  public Optional<ControlView> view(BatteryId battery) {
    return reconcilers.view(battery);
  }

  public List<ModeOverride> overrides() {
    return intent.overrides();
  }

  public boolean isPaused() {
    return intent.isPaused();
  }

  /** The next hours of one battery and why, assuming its state of charge stays {@code soc}. */
  public List<ScheduleStep> schedule(BatteryId battery, Percent soc, Duration horizon) {
    var rules = directions.rulesFor(battery);
    Instant now = clock.instant();
    Optional<Plan> plan = directions.plan(now);
    var limits = directions.settings().limitsFor(battery);
    return ScheduleForecast.ahead(
        rules.selector(),
        rules.schedule(),
        battery,
        soc,
        overrides(),
        now,
        horizon,
        t -> plan.flatMap(p -> PlannedState.at(p, battery, t, limits)));
  }
}
