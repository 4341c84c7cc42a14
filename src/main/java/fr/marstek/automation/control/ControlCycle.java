package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One battery's control cycle, on the thread that polls it, so that one slow battery delays no
 * other: {@link #run} reads top to bottom. It is the only place that commands batteries; its events
 * go outward only, at its end.
 */
final class ControlCycle {

  private final Observation observation;
  private final Reconcilers reconcilers;
  private final Directions directions;
  private final HouseholdIntent intent;
  private final LeaseKeeper leases;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;

  ControlCycle(
      Observation observation,
      Reconcilers reconcilers,
      Directions directions,
      HouseholdIntent intent,
      LeaseKeeper leases,
      ApplicationEventPublisher events,
      InstantSource clock) {
    this.observation = observation;
    this.reconcilers = reconcilers;
    this.directions = directions;
    this.intent = intent;
    this.leases = leases;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Observe, lease, decide, reconcile, verify, publish.
   *
   * @param followingUp a poll control asked for about 10 s after a Passive command, to check its
   *     power; the meter waits for the regular poll
   */
  void run(BatteryPort port, boolean followingUp) {
    BatteryId id = port.id();
    Outbox outbox = new Outbox();
    try {
      // observe
      Optional<BatteryStatus> observed =
          observation.observe(port, !followingUp && meterNeeded(id), outbox);
      if (observed.isEmpty()) {
        return; // offline: the observer tells when it goes and when it comes back
      }
      BatteryStatus status = observed.get();
      BatteryReconciler battery = reconcilers.of(id, this::rulesNow).orElse(null);
      if (battery == null) {
        return; // not one of this house's batteries
      }
      directions.noteSoc(id, status.soc());
      Instant now = clock.instant();
      // lease
      if (!leases.mayCommand(id)) {
        return; // another instance commands this battery
      }
      ChargeAllowance allowance = shareImportCap(status, battery, now, outbox);
      // decide, reconcile, verify
      DesiredState desired =
          battery.decide(status, intent.overrides(now), directions.planned(id, now), now, outbox);
      boolean sent = battery.reconcile(status, desired, intent.isPaused(), now, outbox);
      if (sent) {
        battery.verify(desired, outbox).ifPresent(observation::readBack);
      }
      directions.granted(id, allowance, gridChargePower(battery.view()), now);
    } finally {
      // publish: outward only, once the cycle is over
      outbox.publishTo(events);
    }
  }

  /**
   * The battery's share of the import cap for this cycle; a changed share is sent at once, as a
   * changed MAX_CHARGE_W is.
   */
  private ChargeAllowance shareImportCap(
      BatteryStatus status, BatteryReconciler battery, Instant now, Outbox outbox) {
    ChargeAllowance allowance =
        directions.allowanceFor(status, this::wantsGridCharge, now, outbox::add);
    if (allowance.allowed() != directions.currentAllowance(status.id()).allowed()) {
      battery.use(directions.rulesFor(status.id(), allowance));
    }
    return allowance;
  }

  private ControlRules rulesNow(BatteryId id) {
    return directions.rulesFor(id, directions.currentAllowance(id));
  }

  /**
   * Whether the battery's poll must read the meter: the import cap needs a fresh reading while
   * batteries may charge (by night, or when one is told to charge), as often as the cap needs it
   * ({@link ImportCapGrants#meterDue}); otherwise the meter is read at its own slow pace, which is
   * enough for the house-load history.
   */
  boolean meterNeeded(BatteryId id) {
    if (!directions.importCap().isSet()) {
      return false;
    }
    Instant now = clock.instant();
    boolean night =
        directions.settings().schedule().periodAt(now) == OperatingSchedule.Period.NIGHT;
    boolean mayCharge = night || reconcilers.views().anyMatch(v -> gridChargePower(v) > 0);
    return mayCharge && directions.meterDue(id, now);
  }

  /**
   * When a battery should be polled before its next regular poll: about 10 s after a Passive
   * command, to see whether its power follows.
   */
  Optional<Instant> followUpAt(BatteryId battery) {
    return reconcilers.followUpAt(battery);
  }

  private boolean wantsGridCharge(BatteryId id) {
    return gridChargePower(reconcilers.view(id).orElse(null)) > 0;
  }

  private static double gridChargePower(ControlView view) {
    return view != null
            && view.desired().isPresent()
            && view.desired().get().intent() instanceof Intent.GridCharge g
        ? g.power().value()
        : 0;
  }
}
