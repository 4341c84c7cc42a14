package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBatteryPort;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatteryReconcilerTest {

  private final MutableClock clock = MutableClock.atParis("2026-12-01T23:40:00");
  private final List<Object> events = new ArrayList<>();
  private final SimulatedBatteryPort port =
      SimulatedBatteryPort.create(
          BatteryId.of(1),
          SimulatorOptions.defaults()
              .withInitialSoc(Percent.of(40))
              .withLoad(HouseholdLoad.constant(Watts.of(400))),
          clock);
  private final BatteryReconciler reconciler =
      new BatteryReconciler(
          port,
          new ControlRules(
              OperatingSchedule.ofHours(6, 22),
              SafetyLimits.venusE(),
              RetryPolicy.standard(),
              ControlTestKit.TEMPO_HOURS),
          clock,
          SlotRecord.inMemory());
  private final List<BatteryStatus> readBacks = new ArrayList<>();

  private ControlView cycle() throws Exception {
    return cycle(reconciler, port.readStatus(), false);
  }

  private ControlView cycleWithModeUnread() throws Exception {
    return cycle(reconciler, unread(port.readStatus()), false);
  }

  /** Decide, reconcile and verify, as the control cycle runs them, with no override or plan. */
  private ControlView cycle(BatteryReconciler battery, BatteryStatus status, boolean paused) {
    var outbox = new Outbox();
    var now = clock.instant();
    DesiredState desired = battery.decide(status, List.of(), Optional.empty(), now, outbox);
    if (battery.reconcile(status, desired, paused, now, outbox)) {
      battery.verify(desired, outbox).ifPresent(readBacks::add);
    }
    outbox.publishTo(events::add);
    return battery.view();
  }

  /** The status as read when the ES.GetMode reply was lost. */
  private static BatteryStatus unread(BatteryStatus s) {
    return new BatteryStatus(
        s.id(),
        s.observedAt(),
        s.soc(),
        s.acPower(),
        DeviceMode.UNKNOWN,
        s.capacity(),
        s.meterPower(),
        s.temperature(),
        s.chargedTotal(),
        s.dischargedTotal());
  }

  private <T> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void aServiceStartedAt2340PutsTheBatteryInNightChargingWithinOneCycle() throws Exception {
    ControlView view = cycle();

    assertThat(view.confirmed()).isTrue();
    assertThat(port.battery().mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(port.battery().acPower().value()).isLessThan(-2000);
    assertThat(eventsOf(CommandSent.class))
        .extracting(CommandSent::outcome)
        .containsOnly(Outcome.ACKNOWLEDGED);
    assertThat(eventsOf(ModeChanged.class).getFirst().cause()).isEqualTo(Cause.SCHEDULE);
    assertThat(readBacks.getLast().mode()).isEqualTo(DeviceMode.MANUAL);
  }

  @Test
  void aConfirmedBatteryIsNotCommandedAgain() throws Exception {
    cycle();
    int sent = eventsOf(CommandSent.class).size();

    clock.advance(Duration.ofSeconds(30));
    cycle();

    assertThat(eventsOf(CommandSent.class)).hasSize(sent);
  }

  @Test
  void aBatteryThatFlipsBackByItselfIsCorrectedAndTheDriftRecorded() throws Exception {
    cycle();
    port.battery().setMode(DeviceMode.AUTO);
    clock.advance(Duration.ofSeconds(30));

    ControlView view = cycle();

    assertThat(view.confirmed()).isTrue();
    assertThat(port.battery().mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(eventsOf(ModeChanged.class))
        .extracting(ModeChanged::cause)
        .contains(Cause.DEVICE, Cause.DRIFT_CORRECTION);
    assertThat(eventsOf(CommandSent.class).getLast().cause()).isEqualTo(Cause.DRIFT_CORRECTION);
  }

  @Test
  void theMorningEdgeBringsSelfConsumptionWithoutCatchingIt() throws Exception {
    cycle();

    clock.setParis("2026-12-02T06:07:00");
    ControlView view = cycle();

    assertThat(view.confirmed()).isTrue();
    assertThat(port.battery().mode()).isEqualTo(DeviceMode.AUTO);
  }

  @Test
  void aFullBatteryIdlesForTheRestOfTheNight() throws Exception {
    cycle();

    clock.setParis("2026-12-02T05:00:00");
    ControlView view = cycle();

    assertThat(port.battery().soc().value()).isGreaterThanOrEqualTo(99);
    assertThat(view.desired().orElseThrow().intent()).isInstanceOf(Intent.Idle.class);
    assertThat(view.confirmed()).isTrue();
    assertThat(Math.abs(port.battery().acPower().value())).isLessThan(50);
  }

  @Test
  void aConfirmedBatteryWhoseModeCouldNotBeReadForTwoPollsIsLeftAlone() throws Exception {
    cycle();
    int sent = eventsOf(CommandSent.class).size();
    int changes = eventsOf(ModeChanged.class).size();

    for (int poll = 0; poll < 2; poll++) {
      clock.advance(Duration.ofSeconds(30));
      assertThat(cycleWithModeUnread().confirmed()).isTrue();
    }
    clock.advance(Duration.ofSeconds(30));
    cycle();

    assertThat(eventsOf(CommandSent.class)).hasSize(sent);
    assertThat(eventsOf(ModeChanged.class)).as("an unread mode is not a change").hasSize(changes);
  }

  @Test
  void aModeUnreadableForThreePollsInARowCountsAsDriftAndIsCorrected() throws Exception {
    cycle();
    int sent = eventsOf(CommandSent.class).size();

    for (int poll = 0; poll < BatteryReconciler.UNKNOWN_MODE_POLLS_BEFORE_DRIFT; poll++) {
      clock.advance(Duration.ofSeconds(30));
      cycleWithModeUnread();
    }

    assertThat(eventsOf(CommandSent.class)).hasSizeGreaterThan(sent);
    assertThat(eventsOf(CommandSent.class).getLast().cause()).isEqualTo(Cause.DRIFT_CORRECTION);
  }

  @Test
  void aBatteryWhoseModeIsNeverReadIsRetriedButNotReportedAsDrifted() throws Exception {
    // Every ES.GetMode reply lost, as under heavy packet loss: the battery takes each command,
    // but neither the polls nor the read-backs after a command can show its mode.
    BatteryPort modeLost =
        new BatteryPort() {
          @Override
          public BatteryId id() {
            return port.id();
          }

          @Override
          public String address() {
            return port.address();
          }

          @Override
          public DeviceIdentity identify() throws BatteryUnreachable {
            return port.identify();
          }

          @Override
          public BatteryStatus readStatus() throws BatteryUnreachable {
            return unread(port.readStatus());
          }

          @Override
          public void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected {
            port.apply(command);
          }
        };
    var blind =
        new BatteryReconciler(
            modeLost,
            new ControlRules(
                OperatingSchedule.ofHours(6, 22),
                SafetyLimits.venusE(),
                RetryPolicy.standard(),
                ControlTestKit.TEMPO_HOURS),
            clock,
            SlotRecord.inMemory());

    for (int poll = 0; poll < 20; poll++) {
      cycle(blind, modeLost.readStatus(), false);
      clock.advance(Duration.ofSeconds(30));
    }

    assertThat(port.battery().mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(eventsOf(CommandSent.class))
        .as("retried past the attempts before drift")
        .hasSizeGreaterThan(RetryPolicy.standard().attemptsBeforeDrift());
    assertThat(eventsOf(BatteryDrifted.class)).as("an unread mode shows no drift").isEmpty();
  }

  @Test
  void whilePausedNothingIsSent() throws Exception {
    cycle(reconciler, port.readStatus(), true);

    assertThat(eventsOf(CommandSent.class)).isEmpty();
    assertThat(port.battery().mode()).isNotEqualTo(DeviceMode.MANUAL);
  }
}
