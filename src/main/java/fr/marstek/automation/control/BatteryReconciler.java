package fr.marstek.automation.control;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Keeps one battery in its desired state: each cycle compares what it reports with what it should
 * do, commands it when they differ, reads it back, retries with backoff and reports drift. It keeps
 * only what it sent and when, so nothing depends on catching a schedule edge.
 */
final class BatteryReconciler {

  /**
   * A confirmed battery whose mode could not be read this many polls in a row counts as drifted.
   */
  static final int UNKNOWN_MODE_POLLS_BEFORE_DRIFT = 3;

  private final BatteryPort port;
  // Replaced together by use(...) when the household changes a setting; read under this lock.
  private DesiredStateSelector selector;
  private OperatingSchedule schedule;
  private RetryPolicy retry;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final Progress progress = new Progress();

  BatteryReconciler(
      BatteryPort port, ControlRules rules, ApplicationEventPublisher events, InstantSource clock) {
    this.port = port;
    this.selector = rules.selector();
    this.schedule = rules.schedule();
    this.retry = rules.retry();
    this.events = events;
    this.clock = clock;
  }

  /** New hours, limits or retry pace from the next cycle on; what was sent is kept. */
  synchronized void use(ControlRules rules) {
    this.selector = rules.selector();
    this.schedule = rules.schedule();
    this.retry = rules.retry();
    progress.rulesChanged = true;
  }

  /** One control cycle for this battery, given what it just reported. */
  synchronized ControlView reconcile(
      BatteryStatus status, List<ModeOverride> overrides, boolean paused) {
    return reconcile(status, overrides, paused, Optional.empty());
  }

  /** One control cycle, with what the plan wants now when the strategy plans. */
  synchronized ControlView reconcile(
      BatteryStatus status,
      List<ModeOverride> overrides,
      boolean paused,
      Optional<DesiredState> planned) {
    Instant now = clock.instant();
    noteModeChange(status, now);
    progress.unknownModePolls =
        status.mode() == DeviceMode.UNKNOWN ? progress.unknownModePolls + 1 : 0;
    DesiredState desired = selector.select(port.id(), status.soc(), overrides, now, planned);
    // A power limit changed at run time gives the same mode with another power, which the report
    // cannot tell apart (Conformity): send it once rather than wait for the next mode change.
    boolean newLimits =
        progress.rulesChanged
            && progress.target != null
            && !progress.target.intent().equals(desired.intent());
    progress.rulesChanged = false;
    progress.aimAt(desired);
    if (paused) {
      return view();
    }
    if (Conformity.conforms(desired.intent(), status)) {
      confirm(desired, now);
      if (progress.leaseDue(now) || newLimits) {
        send(desired, desired.cause(), now);
      }
      return view();
    }
    if (progress.confirmed
        && progress.unknownModePolls > 0
        && progress.unknownModePolls < UNKNOWN_MODE_POLLS_BEFORE_DRIFT) {
      return view(); // a lost ES.GetMode reply is not a drift: the next poll reads it again
    }
    Cause cause = desired.cause();
    if (progress.confirmed) {
      progress.restart();
      cause = Cause.DRIFT_CORRECTION;
    }
    if (progress.attempts == 0 || progress.retryDue(now, retry)) {
      send(desired, cause, now);
      verifyAtOnce(desired, overrides);
    }
    return view();
  }

  ControlView view() {
    return new ControlView(
        Optional.ofNullable(progress.target),
        progress.confirmed,
        progress.drifted,
        progress.attempts,
        Optional.ofNullable(progress.lastSent));
  }

  private void verifyAtOnce(DesiredState desired, List<ModeOverride> overrides) {
    try {
      BatteryStatus after = port.readStatus();
      Instant now = clock.instant();
      events.publishEvent(new BatteryStatusReadBack(after));
      noteModeChange(after, now);
      if (Conformity.conforms(desired.intent(), after)) {
        confirm(desired, now);
      } else if (progress.attempts >= retry.attemptsBeforeDrift()
          && !progress.drifted
          && after.mode() != DeviceMode.UNKNOWN) { // a lost ES.GetMode reply shows no drift
        progress.drifted = true;
        events.publishEvent(
            new BatteryDrifted(
                port.id(),
                desired,
                Conformity.mismatch(desired.intent(), after),
                progress.attempts,
                now));
      }
    } catch (BatteryUnreachable e) {
      // The next cycle reads it again; going offline is the observer's business.
    }
  }

  private void confirm(DesiredState desired, Instant now) {
    if (!progress.confirmed) {
      progress.confirmed = true;
      progress.drifted = false;
      progress.attempts = 0;
      events.publishEvent(new DesiredStateReached(port.id(), desired, now));
    }
  }

  private void send(DesiredState desired, Cause cause, Instant now) {
    progress.attempts++;
    progress.lastSent = now;
    progress.sentMode = desired.intent().expectedMode();
    progress.sentCause = cause;
    progress.sentReason = desired.reason();
    progress.leaseUntil = now.plus(DeviceCommands.PASSIVE_LEASE.dividedBy(2));
    for (ModeCommand command : DeviceCommands.forIntent(desired.intent(), schedule, now)) {
      Outcome outcome = Outcome.ACKNOWLEDGED;
      Optional<String> detail = Optional.empty();
      try {
        port.apply(command);
      } catch (CommandRejected e) {
        outcome = Outcome.REJECTED;
        detail = Optional.ofNullable(e.getMessage());
      } catch (BatteryUnreachable e) {
        outcome = Outcome.UNREACHABLE;
        detail = Optional.ofNullable(e.getMessage());
      }
      events.publishEvent(
          new CommandSent(
              port.id(), CommandText.of(command), outcome, detail, cause, clock.instant()));
      if (outcome != Outcome.ACKNOWLEDGED) {
        return;
      }
    }
  }

  private void noteModeChange(BatteryStatus status, Instant now) {
    if (status.mode() == DeviceMode.UNKNOWN) {
      return; // unread, not changed
    }
    DeviceMode before = progress.lastMode;
    progress.lastMode = status.mode();
    if (before == null || before == status.mode()) {
      return;
    }
    boolean ours = progress.sentMode == status.mode();
    events.publishEvent(
        new ModeChanged(
            port.id(),
            before,
            status.mode(),
            ours ? progress.sentCause : Cause.DEVICE,
            ours ? progress.sentReason : Phrase.of("reason.device"),
            now));
  }

  /** What this reconciler remembers between cycles. */
  private static final class Progress {
    DesiredState target;
    boolean confirmed;
    boolean drifted;
    int attempts;
    int unknownModePolls;
    Instant lastSent;
    Instant leaseUntil;
    DeviceMode lastMode;
    DeviceMode sentMode;
    Cause sentCause;
    Phrase sentReason;
    boolean rulesChanged;

    void aimAt(DesiredState desired) {
      if (target == null || !target.intent().equals(desired.intent())) {
        restart();
        drifted = false;
      }
      target = desired;
    }

    void restart() {
      confirmed = false;
      attempts = 0;
    }

    boolean leaseDue(Instant now) {
      return target.intent() instanceof Intent.FixedPower
          && (leaseUntil == null || !now.isBefore(leaseUntil) || clockWentBack(now));
    }

    boolean retryDue(Instant now, RetryPolicy retry) {
      return !now.isBefore(lastSent.plus(retry.waitAfter(attempts))) || clockWentBack(now);
    }

    // The host clock was set back (NTP, a board without a real-time clock): waits measured from a
    // send "in the future" would last as long as the jump, so they end at once instead.
    private boolean clockWentBack(Instant now) {
      return lastSent != null && now.isBefore(lastSent);
    }
  }
}
