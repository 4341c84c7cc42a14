package fr.marstek.automation.control;

import fr.marstek.automation.control.CommandAnswer.Accepted;
import fr.marstek.automation.control.CommandAnswer.Refusal;
import fr.marstek.automation.control.CommandAnswer.Refused;
import fr.marstek.automation.control.ControlCommand.ClearOverride;
import fr.marstek.automation.control.ControlCommand.Force;
import fr.marstek.automation.control.ControlCommand.Pause;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;

/**
 * Control's front door: every adapter (REST, dashboard, MQTT) hands its command here and renders
 * the answer. The checks come in the order a person fixes things: the battery exists, the command
 * makes sense, the battery answers, and safety would not hold it for as long as it lasts.
 */
public final class ControlCommands {

  static final Duration LONGEST = Duration.ofDays(7);

  private final HouseholdIntent intent;
  private final Automation automation;
  private final FleetObserver observer;
  private final Batteries batteries;
  private final PeakHours peakHours;
  private final InstantSource clock;

  ControlCommands(
      HouseholdIntent intent,
      Automation automation,
      FleetObserver observer,
      Batteries batteries,
      PeakHours peakHours,
      InstantSource clock) {
    this.peakHours = peakHours;
    this.intent = intent;
    this.automation = automation;
    this.observer = observer;
    this.batteries = batteries;
    this.clock = clock;
  }

  /**
   * Checks and applies one command. A database that does not answer still throws: nothing is
   * half-taken, and the adapters answer that as a service problem, not as a refusal.
   */
  public CommandAnswer submit(ControlCommand command) {
    return switch (command) {
      case Force f -> polledSoon(force(f), a -> a.override().flatMap(ModeOverride::battery));
      case ClearOverride c -> polledSoon(clear(c), a -> c.battery().flatMap(this::known));
      case Pause p -> polledSoon(pause(p), a -> Optional.empty());
    };
  }

  /**
   * A change is seen at once, not at the next poll: the battery it is about (empty: every battery)
   * is observed soon.
   */
  private CommandAnswer polledSoon(
      CommandAnswer answer, Function<Accepted, Optional<BatteryId>> concerned) {
    if (answer instanceof Accepted accepted && accepted.changed()) {
      var unused = observer.pollSoon(concerned.apply(accepted));
    }
    return answer;
  }

  private CommandAnswer force(Force f) {
    Optional<BatteryId> battery = Optional.empty();
    if (f.battery().isPresent()) {
      battery = known(f.battery().get());
      if (battery.isEmpty()) {
        return unknown(f.battery().get());
      }
    }
    Instant now = clock.instant();
    ModeOverride forced;
    try {
      forced = validated(battery, f, now);
    } catch (Invalid e) {
      return new Refused(Refusal.INVALID, e.getMessage());
    }
    if (battery.isPresent()) {
      BatteryHealth health = observer.health(battery.get());
      if (health != null && !health.online()) {
        return new Refused(
            Refusal.OFFLINE,
            "Battery "
                + battery.get().value()
                + " is offline ("
                + health.lastError().orElse("no answer")
                + "): check that it is powered and its Open API enabled, then try again.");
      }
    }
    if (heldBySafetyThroughout(forced, now)) {
      return new Refused(
          Refusal.SAFETY,
          "no grid charging in peak hours (06:00-22:00), and this override would end before they"
              + " do: nothing would change. Ask for a longer one, or allow_peak_grid_charge.");
    }
    intent.override(forced.battery(), forced.intent(), forced.until(), forced.gridChargeInPeak());
    return new Accepted(
        ModeName.of(forced.intent()) + " until " + forced.until(), Optional.of(forced), true);
  }

  /**
   * Whether the safety policy would replace the override by self-consumption from its start to its
   * end: grid charging in peak hours, not allowed, ending before peak hours do. An override that
   * reaches off-peak hours is taken: it charges once they start.
   */
  private boolean heldBySafetyThroughout(ModeOverride o, Instant now) {
    boolean gridCharge =
        switch (o.intent()) {
          case Intent.GridCharge c -> true;
          case Intent.FixedPower p -> p.power().value() < 0;
          default -> false;
        };
    return gridCharge
        && !o.gridChargeInPeak()
        && peakHours.contains(now)
        && !o.until().isAfter(peakHours.nextEdge(now));
  }

  private CommandAnswer clear(ClearOverride c) {
    if (c.battery().isEmpty()) {
      // every override, the fleet's and each battery's own
      var all = intent.overrides();
      all.forEach(o -> intent.clearOverride(o.battery()));
      return new Accepted("every override cleared", Optional.empty(), !all.isEmpty());
    }
    Optional<BatteryId> battery = known(c.battery().get());
    if (battery.isEmpty()) {
      return unknown(c.battery().get());
    }
    boolean cleared = intent.clearOverride(battery);
    return new Accepted(
        cleared ? "override cleared" : "there was no override", Optional.empty(), cleared);
  }

  private CommandAnswer pause(Pause p) {
    boolean changed = intent.isPaused() != p.paused();
    if (p.paused()) {
      intent.pause();
    } else {
      intent.resume();
    }
    return new Accepted(p.paused() ? "paused" : "resumed", Optional.empty(), changed);
  }

  private Optional<BatteryId> known(String id) {
    try {
      BatteryId battery = new BatteryId(id.trim());
      return batteries.find(battery).isPresent() ? Optional.of(battery) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Refused unknown(String id) {
    var ids = batteries.all().stream().map(b -> b.id().value()).toList();
    return new Refused(Refusal.UNKNOWN_BATTERY, "No battery '" + id + "'. Known batteries: " + ids);
  }

  private ModeOverride validated(Optional<BatteryId> battery, Force f, Instant now) {
    ControlSettings settings = automation.settings();
    Instant until = until(f, now, settings.schedule().nextChange(now));
    ModeName mode =
        ModeName.parse(f.mode())
            .orElseThrow(
                () -> new Invalid("mode '" + f.mode() + "' is not one of " + ModeName.listed()));
    SafetyLimits limits = battery.map(settings::limitsFor).orElse(settings.defaults());
    Intent intent =
        switch (mode) {
          case AUTO -> new Intent.SelfConsumption();
          case AI -> new Intent.VendorAi();
          case IDLE -> new Intent.Idle();
          case MANUAL -> gridCharge(f, limits);
          case PASSIVE -> passive(f, until);
        };
    return new ModeOverride(battery, intent, until, f.allowPeakGridCharge());
  }

  /** When the override ends: asked for, or the next schedule change; at most 7 days ahead. */
  private static Instant until(Force f, Instant now, Instant nextScheduleChange) {
    if (f.until().isPresent() && f.duration().isPresent()) {
      throw new Invalid("give either 'until' or 'duration', not both");
    }
    Instant until = nextScheduleChange;
    if (f.until().isPresent()) {
      until = f.until().get();
    } else if (f.duration().isPresent()) {
      Duration duration = f.duration().get();
      if (duration.isNegative() || duration.isZero()) {
        throw new Invalid("'duration' must be positive, such as PT2H");
      }
      if (duration.compareTo(LONGEST) > 0) {
        // checked before adding: a duration of 1e30 seconds is beyond any instant
        throw new Invalid("an override lasts at most 7 days; 'duration' is " + duration);
      }
      until = now.plus(duration);
    }
    if (!until.isAfter(now)) {
      throw new Invalid("'until' " + until + " is not in the future");
    }
    if (until.isAfter(now.plus(LONGEST))) {
      throw new Invalid("an override lasts at most 7 days; 'until' is " + until);
    }
    return until;
  }

  private static Intent gridCharge(Force f, SafetyLimits limits) {
    int power = f.powerW().orElse(limits.maxCharge().rounded());
    if (power < 1 || power > 2500) {
      throw new Invalid("MANUAL 'power_w' is a charging power 1-2500 W, was " + power);
    }
    int target = f.targetSoc().orElse(100);
    if (target < 1 || target > 100) {
      throw new Invalid("'target_soc' must be 1-100 (%), was " + target);
    }
    return new Intent.GridCharge(Watts.of(power), Percent.of(target));
  }

  private static Intent passive(Force f, Instant until) {
    int power =
        f.powerW()
            .orElseThrow(
                () ->
                    new Invalid(
                        "PASSIVE needs 'power_w': negative to charge, positive to discharge"
                            + " (-2500..2500)"));
    // Math.abs(Integer.MIN_VALUE) is negative: compare the bounds instead.
    if (power < -2500 || power > 2500) {
      throw new Invalid("PASSIVE 'power_w' must be -2500..2500 W, was " + power);
    }
    return new Intent.FixedPower(Watts.of(power), until);
  }

  /** A command a person can fix; turned into a refusal, never seen outside. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
