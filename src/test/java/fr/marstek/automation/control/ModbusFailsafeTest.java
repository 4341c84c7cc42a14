package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Modbus battery does when the service stops mid-charge (docs/FAILSAFE.md, Modbus table):
 * killed, stopped cleanly, or alive with a silent control cycle; and a reboot mid-charge.
 */
class ModbusFailsafeTest {

  private static final Duration POLL = Duration.ofSeconds(30);

  private record Sample(LocalDateTime paris, boolean external, double acPower, double soc) {}

  /**
   * The worst case: killed at 05:30 with a nearly empty battery. The force command outlives the
   * service: it charges past 06:00 until full (one charge at most: capacity × (1 − SoC) / η), then
   * stands still under external control, covering none of the house, until the service returns.
   */
  @Test
  void killedMidChargeItChargesUntilFullThenStandsStillUntilTheServiceReturns() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(12));
    try (var control = ModbusControl.at("2026-12-02T05:20:00", ModbusProfile.V3, options)) {
      control.cycleEvery(POLL, "2026-12-02T05:30:00", () -> {});
      SimulatedBattery battery = control.battery(1);
      assertThat(battery.externalControl().on()).isTrue();
      assertThat(battery.acPower().value()).isLessThan(-2000);
      double socAtKill = battery.soc().value();
      double chargedAtKill = battery.chargedTotal().value();
      double dischargedAtKill = battery.dischargedTotal().value();

      control.fleet.kill();
      List<Sample> samples = new ArrayList<>();
      control.advanceWithoutControl(
          Duration.ofHours(6),
          Duration.ofMinutes(1),
          () ->
              samples.add(
                  new Sample(
                      control.parisNow(),
                      battery.externalControl().on(),
                      battery.acPower().value(),
                      battery.soc().value())));

      Sample full = samples.stream().filter(s -> s.soc() >= 100).findFirst().orElseThrow();
      assertThat(full.paris()).isAfter(LocalDateTime.parse("2026-12-02T06:00"));
      assertThat(samples.stream().filter(s -> s.paris().isBefore(full.paris())))
          .allSatisfy(s -> assertThat(s.acPower()).isLessThan(-2000));
      assertThat(samples.stream().filter(s -> s.paris().isAfter(full.paris())))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.external()).isTrue();
                assertThat(s.acPower()).isCloseTo(0, within(1.0));
              });
      double bound = options.capacity().value() * (100 - socAtKill) / 100 / options.efficiency();
      assertThat(battery.chargedTotal().value() - chargedAtKill).isLessThanOrEqualTo(bound + 1);
      assertThat(battery.dischargedTotal().value()).isEqualTo(dischargedAtKill);

      control.restartService();
      control.cycle();

      assertThat(battery.externalControl().on()).isFalse();
      assertThat(battery.mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(battery.acPower().value()).isPositive(); // covers the house again
    }
  }

  @Test
  void aRebootWhileTheServiceIsDeadHandsTheBatteryBackToItsOwnSelfConsumption() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = ModbusControl.at("2026-12-01T21:59:00", ModbusProfile.V3, options)) {
      control.cycleEvery(POLL, "2026-12-01T22:05:00", () -> {});
      control.fleet.kill();

      control.device(1).reboot();
      control.clock.advance(Duration.ofMinutes(1));

      assertThat(control.device(1).quirks().controlLostAtReboot()).isOne();
      assertThat(control.battery(1).externalControl().on()).isFalse();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(control.battery(1).acPower().value()).isPositive();
    }
  }

  @Test
  void aCleanStopMidChargeHandsTheBatteryBackToSelfConsumptionAtOnce() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = ModbusControl.at("2026-12-01T21:59:00", ModbusProfile.V3, options)) {
      control.cycleEvery(POLL, "2026-12-01T23:00:00", () -> {});
      assertThat(control.battery(1).acPower().value()).isLessThan(-2000);

      control.fleet.stopCleanly();

      SimulatedBattery battery = control.battery(1);
      assertThat(battery.externalControl().on()).isFalse();
      assertThat(battery.externalControl().forceMode()).isZero(); // nothing stale for next time
      assertThat(battery.mode()).isEqualTo(DeviceMode.AUTO);
      control.clock.advance(Duration.ofMinutes(5));
      assertThat(battery.acPower().value()).isPositive();
    }
  }

  /** The process lives but its control cycle stops: the client ends the charge at 06:00 itself. */
  @Test
  void withTheControlCycleSilentTheClientEndsTheNightChargeAtSixAsASlotWould() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(12));
    try (var control = ModbusControl.at("2026-12-02T05:20:00", ModbusProfile.V3, options)) {
      control.cycleEvery(POLL, "2026-12-02T05:30:00", () -> {});
      SimulatedBattery battery = control.battery(1);
      List<Sample> samples = new ArrayList<>();

      control.advanceWithoutControl(
          Duration.ofHours(2),
          POLL,
          () -> {
            control.fleet.keeperPass();
            samples.add(
                new Sample(
                    control.parisNow(),
                    battery.externalControl().on(),
                    battery.acPower().value(),
                    battery.soc().value()));
          });

      var six = LocalDateTime.parse("2026-12-02T06:00");
      assertThat(samples.stream().filter(s -> s.paris().isBefore(six)))
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.acPower()).isLessThan(-2000));
      assertThat(samples.stream().filter(s -> !s.paris().isBefore(six.plusMinutes(1))))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.external()).isTrue();
                assertThat(s.acPower()).isCloseTo(0, within(1.0));
                assertThat(s.soc()).isLessThan(100);
              });
    }
  }

  @Test
  void aRebootMidChargeLosesControlAndTheServiceTakesItBackWithinACycle() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(10));
    try (var control = ModbusControl.at("2026-12-01T21:59:00", ModbusProfile.V3, options)) {
      control.cycleEvery(POLL, "2026-12-01T22:30:00", () -> {});
      Instant rebootAt = control.clock.instant();

      control.device(1).reboot();
      assertThat(control.battery(1).externalControl().on()).isFalse();
      // The poll that meets the closed connection may fail; the next one reconnects.
      control.cycleEvery(POLL, "2026-12-01T22:31:00", () -> {});

      assertThat(control.device(1).quirks().controlLostAtReboot()).isOne();
      assertThat(control.battery(1).externalControl().on()).isTrue();
      assertThat(control.battery(1).acPower().value()).isLessThan(-2000);
      assertThat(
              control.eventsOf(ModeChanged.class).stream()
                  .filter(m -> m.at().isAfter(rebootAt))
                  .toList())
          .extracting(ModeChanged::to, ModeChanged::cause)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DeviceMode.AUTO, Cause.DEVICE),
              org.assertj.core.groups.Tuple.tuple(DeviceMode.MANUAL, Cause.DRIFT_CORRECTION));
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
      assertThat(control.failedPolls).hasSizeLessThanOrEqualTo(1);
    }
  }
}
