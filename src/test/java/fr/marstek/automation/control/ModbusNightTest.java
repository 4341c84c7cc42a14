package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.simulator.ModbusQuirks;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A night charge and the next morning's self-consumption over real Modbus TCP on loopback, one
 * control cycle every 30 s of clock time, with each profile's real pacing taken on the test clock.
 */
class ModbusNightTest {

  private record Sample(
      LocalDateTime paris, boolean external, DeviceMode mode, double acPower, double soc) {}

  @ParameterizedTest
  @EnumSource(ModbusProfile.class)
  void chargesFromTenUnderExternalControlFillsUpAndHandsBackToSelfConsumptionAtSix(
      ModbusProfile profile) throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = ModbusControl.at("2026-12-01T21:00:00", profile, options)) {
      List<Sample> samples = new ArrayList<>();

      control.cycleEvery(
          Duration.ofSeconds(30),
          "2026-12-02T07:00:00",
          () ->
              samples.add(
                  new Sample(
                      control.parisNow(),
                      control.battery(1).externalControl().on(),
                      control.battery(1).mode(),
                      control.battery(1).acPower().value(),
                      control.battery(1).soc().value())));

      var ten = LocalDateTime.parse("2026-12-01T22:00");
      var six = LocalDateTime.parse("2026-12-02T06:00");
      assertThat(samples.stream().filter(s -> s.paris().isBefore(ten)))
          .hasSize(120)
          .allSatisfy(
              s -> {
                assertThat(s.external()).isFalse();
                assertThat(s.mode()).isEqualTo(DeviceMode.AUTO);
                assertThat(s.acPower()).isPositive();
              });
      Sample full =
          samples.stream()
              .filter(s -> !s.paris().isBefore(ten) && s.soc() >= 100)
              .findFirst()
              .orElseThrow();
      assertThat(full.paris()).isBefore(six);
      assertThat(
              samples.stream()
                  .filter(s -> !s.paris().isBefore(ten) && s.paris().isBefore(full.paris())))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.external()).isTrue();
                assertThat(s.acPower()).isLessThan(-2000);
              });
      assertThat(
              samples.stream()
                  .filter(s -> s.paris().isAfter(full.paris()) && s.paris().isBefore(six)))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.external()).isTrue();
                assertThat(Math.abs(s.acPower())).isLessThan(Conformity.STILL_WATTS);
              });
      assertThat(samples.stream().filter(s -> !s.paris().isBefore(six)))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.external()).isFalse();
                assertThat(s.mode()).isEqualTo(DeviceMode.AUTO);
                assertThat(s.acPower()).isPositive(); // covers the house from the full battery
              });

      assertThat(control.eventsOf(ModeChanged.class))
          .extracting(ModeChanged::to, ModeChanged::cause)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DeviceMode.MANUAL, Cause.SCHEDULE),
              org.assertj.core.groups.Tuple.tuple(DeviceMode.AUTO, Cause.SCHEDULE));
      assertThat(control.eventsOf(ModeChanged.class))
          .extracting(
              m -> Duration.between(atParis(m.to() == DeviceMode.MANUAL ? ten : six), m.at()))
          .allSatisfy(late -> assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
      assertThat(control.eventsOf(CommandSent.class))
          .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.ACKNOWLEDGED));
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
      assertThat(control.failedPolls).isEmpty();
      ModbusQuirks quirks = control.device(1).quirks();
      assertThat(quirks.secondClientsRefused()).isZero();
      assertThat(quirks.forceWritesNotObeyed()).isZero();
      assertThat(quirks.undefinedAddressReads()).isZero();
      assertThat(quirks.controlLostAtReboot()).isZero();
      assertThat(quirks.controlLostToWorkModeWrite()).as("our own hand-back at 06:00").isOne();
    }
  }

  static Instant atParis(LocalDateTime local) {
    return local.atZone(PARIS).toInstant();
  }
}
