package fr.marstek.automation.control;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

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

  /**
   * How long after a Passive command its power is checked: owners found the first command ignored
   * on firmware 144-148 and a second one, about 10 s later, taken (field notes 1 #14).
   */
  static final Duration PASSIVE_CHECK_AFTER = Duration.ofSeconds(10);

  private final BatteryPort port;
  // Replaced together by use(...) when the household changes a setting; read under this lock.
  private DesiredStateSelector selector;
  private OperatingSchedule schedule;
  private RetryPolicy retry;
  private final InstantSource clock;
  private final SlotRecord slots;
  private final Progress progress = new Progress();

  BatteryReconciler(BatteryPort port, ControlRules rules, InstantSource clock, SlotRecord slots) {
    this.port = port;
    this.slots = slots;
    this.selector = rules.selector();
    this.schedule = rules.schedule();
    this.retry = rules.retry();
    this.clock = clock;
  }

  /** New hours, limits or retry pace from the next cycle on; what was sent is kept. */
  synchronized void use(ControlRules rules) {
    this.selector = rules.selector();
    this.schedule = rules.schedule();
    this.retry = rules.retry();
    progress.rulesChanged = true;
  }

  /**
   * Decide: what the battery should do now, from its report, the household's overrides and the plan
   * (when the strategy plans); notes a mode change the report shows.
   */
  synchronized DesiredState decide(
      BatteryStatus status,
      List<ModeOverride> overrides,
      Optional<DesiredState> planned,
      Instant now,
      Outbox outbox) {
    noteModeChange(status, now, outbox);
    progress.unknownModePolls =
        status.mode() == DeviceMode.UNKNOWN ? progress.unknownModePolls + 1 : 0;
    DesiredState desired = selector.select(port.id(), status.soc(), overrides, now, planned);
    // A power limit changed at run time gives the same mode with another power, which the report
    // cannot tell apart (Conformity): send it once rather than wait for the next mode change.
    progress.newLimits =
        progress.rulesChanged
            && progress.target != null
            && !progress.target.intent().equals(desired.intent());
    boolean recompute = progress.rulesChanged;
    progress.rulesChanged = false;
    progress.aimAt(desired);
    boolean slotsFixed =
        desired.intent() instanceof Intent.GridCharge || desired.intent() instanceof Intent.Idle;
    if (recompute || progress.commands == null || !slotsFixed) {
      // Slots are fixed for as long as the target holds, so a slot that starts "now" is not a new
      // slot every minute; a Passive countdown is counted from each send.
      progress.commands = DeviceCommands.forIntent(desired.intent(), schedule, now);
    }
    return desired;
  }

  /**
   * Reconcile: commands the battery when its report differs from what was decided (or a Passive
   * lease is due), retrying with backoff; nothing while paused.
   *
   * @return whether the command just sent should be verified at once
   */
  synchronized boolean reconcile(
      BatteryStatus status, DesiredState desired, boolean paused, Instant now, Outbox outbox) {
    if (paused) {
      return false;
    }
    if (looksRight(desired, status, now)) {
      progress.passiveCheckAt = null;
      List<ModeCommand> missing = unacknowledgedSlots();
      if (missing.isEmpty()) {
        confirm(desired, now, outbox);
        if (progress.leaseDue(now) || progress.newLimits) {
          send(progress.commands, desired.cause(), now, outbox);
        }
        return false;
      }
      // The battery charges in one slot, but another slot the night needs was never acknowledged
      // (refused, lost, or the service stopped in between): write what is missing.
      if (progress.confirmed) {
        progress.restart();
      }
      if (progress.attempts == 0 || progress.retryDue(now, retry)) {
        send(missing, cause(desired), now, outbox);
        return true;
      }
      return false;
    }
    if (progress.confirmed
        && progress.unknownModePolls > 0
        && progress.unknownModePolls < UNKNOWN_MODE_POLLS_BEFORE_DRIFT) {
      return false; // a lost ES.GetMode reply is not a drift: the next poll reads it again
    }
    if (progress.confirmed) {
      leftPassive(desired, status, now, outbox);
      progress.restart();
      progress.correcting = true;
    }
    if (progress.attempts == 0 || progress.retryDue(now, retry)) {
      send(progress.commands, cause(desired), now, outbox);
      return true;
    } else if (progress.passiveCheckDue(now) && !progress.passiveResent) {
      // The Passive command was acknowledged and its power does not follow: once, at once.
      progress.passiveResent = true;
      send(progress.commands, cause(desired), now, outbox);
    } else if (progress.passiveCheckDue(now)) {
      progress.passiveCheckAt = null; // re-sent once already: the usual retries take over
    }
    return false;
  }

  /**
   * A battery that followed its Passive setpoint and no longer does left Passive by itself (field
   * notes 1 #14: acknowledged, then dropped): the household is told once per hold.
   */
  private void leftPassive(DesiredState desired, BatteryStatus status, Instant now, Outbox outbox) {
    if (!(desired.intent() instanceof Intent.FixedPower)
        || progress.passive == null
        || progress.passiveLeftTold
        || status.mode() == DeviceMode.UNKNOWN) {
      return;
    }
    progress.passiveLeftTold = true;
    outbox.add(
        new PassiveLeft(
            port.id(),
            CommandText.of(
                new ModeCommand.Passive(progress.passive.power(), progress.passive.countdown())),
            progress.passive.power(),
            status.acPower(),
            status.mode(),
            now));
  }

  /**
   * When this battery should be polled again before its next regular poll: about 10 s after a
   * Passive command, to see whether its power follows.
   */
  synchronized Optional<Instant> followUpAt() {
    return Optional.ofNullable(progress.passiveCheckAt);
  }

  // Every retry of a drift correction is one too, not a new schedule step.
  private Cause cause(DesiredState desired) {
    return progress.correcting ? Cause.DRIFT_CORRECTION : desired.cause();
  }

  /** The report shows the battery doing what was asked, slots aside. */
  private boolean looksRight(DesiredState desired, BatteryStatus status, Instant now) {
    if (Conformity.conforms(desired.intent(), status)) {
      return true;
    }
    // A firmware that ends the evening slot at 23:59:00 idles until midnight: not a drift.
    return DeviceCommands.inMidnightGap(progress.commands, now)
        && Conformity.conforms(new Intent.Idle(), status);
  }

  /**
   * The charge slots of the target that the battery has not acknowledged, in order. Only a charge
   * needs every slot: a battery that idles does what a hold asks whatever its slots say, and a full
   * one keeps its charge slots rather than flip them at each percent.
   */
  private List<ModeCommand> unacknowledgedSlots() {
    if (!(progress.target.intent() instanceof Intent.GridCharge)) {
      return List.of();
    }
    return progress.commands.stream()
        .filter(c -> c instanceof ModeCommand.Manual(var slot) && !slots.holds(port.id(), slot))
        .toList();
  }

  ControlView view() {
    return new ControlView(
        Optional.ofNullable(progress.target),
        progress.confirmed,
        progress.drifted,
        progress.attempts,
        Optional.ofNullable(progress.lastSent));
  }

  /**
   * Verify: reads the battery back after a command and confirms it, or reports a drift once the
   * retries are spent. A Passive setpoint takes a few seconds: the poll about 10 s later checks it.
   *
   * @return the battery's report read back, its newest
   */
  synchronized Optional<BatteryStatus> verify(DesiredState desired, Outbox outbox) {
    if (desired.intent() instanceof Intent.FixedPower) {
      return Optional.empty();
    }
    try {
      BatteryStatus after = port.readStatus();
      Instant now = clock.instant();
      noteModeChange(after, now, outbox);
      List<ModeCommand> missing = unacknowledgedSlots();
      if (looksRight(desired, after, now) && missing.isEmpty()) {
        confirm(desired, now, outbox);
      } else if (progress.attempts >= retry.attemptsBeforeDrift()
          && !progress.drifted
          && after.mode() != DeviceMode.UNKNOWN) { // a lost ES.GetMode reply shows no drift
        progress.drifted = true;
        outbox.add(
            new BatteryDrifted(
                port.id(), desired, mismatch(desired, after, missing), progress.attempts, now));
      }
      return Optional.of(after);
    } catch (BatteryUnreachable e) {
      return Optional.empty(); // the next cycle reads it again; offline is the observer's business
    }
  }

  private static Phrase mismatch(
      DesiredState desired, BatteryStatus status, List<ModeCommand> missing) {
    if (missing.isEmpty() || !Conformity.conforms(desired.intent(), status)) {
      return Conformity.mismatch(desired.intent(), status);
    }
    return Phrase.of(
        "drift.slotNotAcknowledged", Phrase.Arg.phrase(CommandText.of(missing.getFirst())));
  }

  private void confirm(DesiredState desired, Instant now, Outbox outbox) {
    if (!progress.confirmed) {
      progress.confirmed = true;
      progress.drifted = false;
      progress.correcting = false;
      progress.attempts = 0;
      outbox.add(new DesiredStateReached(port.id(), desired, now));
    }
  }

  private void send(List<ModeCommand> commands, Cause cause, Instant now, Outbox outbox) {
    DesiredState desired = progress.target;
    progress.attempts++;
    progress.lastSent = now;
    progress.sentMode = desired.intent().expectedMode();
    progress.sentCause = cause;
    progress.sentReason = desired.reason();
    progress.leaseUntil = now.plus(DeviceCommands.PASSIVE_LEASE.dividedBy(2));
    boolean confirmedBefore = progress.confirmed;
    progress.passiveCheckAt = null;
    for (ModeCommand command : commands) {
      if (command instanceof ModeCommand.Manual(var slot)) {
        slots.sending(port.id(), slot.index());
      }
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
      outbox.add(
          new CommandSent(
              port.id(), CommandText.of(command), outcome, detail, cause, clock.instant()));
      if (outcome != Outcome.ACKNOWLEDGED) {
        return;
      }
      if (command instanceof ModeCommand.Manual(var slot)) {
        slots.acknowledged(port.id(), slot);
      }
      if (command instanceof ModeCommand.Passive p) {
        held(p, now, confirmedBefore);
      }
    }
  }

  /**
   * Our own record of the Passive command the battery acknowledged (it cannot be read back, field
   * notes 1 #15); a first command or a correction is checked about 10 s later, a renewal of a
   * setpoint the battery follows by the next poll.
   */
  private void held(ModeCommand.Passive command, Instant now, boolean renewal) {
    progress.passive =
        new PassiveHold(command.power(), command.countdown(), now, now.plus(command.countdown()));
    progress.passiveCheckAt = renewal ? null : now.plus(PASSIVE_CHECK_AFTER);
  }

  private void noteModeChange(BatteryStatus status, Instant now, Outbox outbox) {
    if (status.mode() == DeviceMode.UNKNOWN) {
      return; // unread, not changed
    }
    DeviceMode before = progress.lastMode;
    progress.lastMode = status.mode();
    if (before == null || before == status.mode()) {
      return;
    }
    boolean ours = progress.sentMode == status.mode();
    outbox.add(
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
    List<ModeCommand> commands;
    boolean confirmed;
    boolean correcting;
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
    // The rules changed and so did the target: send it even if the report looks right.
    boolean newLimits;
    // The Passive command last acknowledged, when to check its power, whether it was re-sent for
    // not following, and whether the household was told that the battery left it.
    PassiveHold passive;
    Instant passiveCheckAt;
    boolean passiveResent;
    boolean passiveLeftTold;

    void aimAt(DesiredState desired) {
      if (target == null || !target.intent().equals(desired.intent())) {
        restart();
        drifted = false;
        correcting = false;
        commands = null;
        passive = null;
        passiveLeftTold = false;
        passiveCheckAt = null;
        passiveResent = false;
      }
      target = desired;
    }

    boolean passiveCheckDue(Instant now) {
      return passiveCheckAt != null && !now.isBefore(passiveCheckAt);
    }

    void restart() {
      confirmed = false;
      attempts = 0;
      passiveResent = false;
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

  /**
   * A Passive command as the battery acknowledged it: what was asked and until when, since the
   * battery never says (field notes 1 #15).
   */
  record PassiveHold(Watts power, Duration countdown, Instant sentAt, Instant endsAt) {}
}
