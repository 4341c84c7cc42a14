package fr.marstek.automation.control;

import static fr.marstek.automation.units.PhraseFormat.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Safety wins over the household's overrides, end to end over real UDP. */
class SafetyOverUdpTest {

  private static final ControlSettings RESERVE_20 =
      new ControlSettings(
          OperatingSchedule.ofHours(6, 22),
          new SafetyLimits(Percent.of(20), Watts.of(2500), Watts.of(800)),
          Map.of(),
          RetryPolicy.standard(),
          ControlSettings.Strategy.FIXED,
          0.05);

  @Test
  void aPassiveDischargeAskedBelowTheReserveEndsInIdle() throws Exception {
    try (var control =
        UdpControl.at(
            "2026-12-01T14:00:00",
            RESERVE_20,
            UdpControl.VENUS.withInitialSoc(Percent.of(15)),
            UdpControl.VENUS.withInitialSoc(Percent.of(60)))) {
      var discharge =
          new Intent.FixedPower(Watts.of(600), control.clock.instant().plusSeconds(3600));
      control.intent.override(Optional.empty(), discharge, discharge.until(), false);

      control.cycle();
      control.clock.advance(Duration.ofMinutes(5));
      control.cycle();

      DesiredState low = control.view(1).desired().orElseThrow();
      assertThat(low.intent()).isEqualTo(new Intent.Idle());
      assertThat(low.cause()).isEqualTo(Cause.SAFETY);
      assertThat(english(low.reason())).contains("reserve");
      assertThat(control.view(1).confirmed()).isTrue();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower().value()).isCloseTo(0, within(Conformity.STILL_WATTS));
      assertThat(control.battery(1).soc().value()).isCloseTo(15, within(0.1));
      assertThat(control.eventsOf(CommandSent.class, 1))
          .noneSatisfy(c -> assertThat(english(c.command())).containsIgnoringCase("fixed power"));
      // The same override on a charged battery does discharge.
      assertThat(control.battery(2).mode()).isEqualTo(DeviceMode.PASSIVE);
      assertThat(control.battery(2).acPower()).isEqualTo(Watts.of(600));
    }
  }

  @Test
  void gridChargingAskedAtTwoInTheAfternoonIsRefusedUnlessPeakChargingIsAllowed() throws Exception {
    try (var control = UdpControl.at("2026-12-01T14:00:00", UdpControl.VENUS, UdpControl.VENUS)) {
      var charge = new Intent.GridCharge(Watts.of(2000), Percent.of(100));
      var until = control.clock.instant().plus(Duration.ofHours(2));
      control.intent.override(Optional.of(BatteryId.of(1)), charge, until, false);
      control.intent.override(Optional.of(BatteryId.of(2)), charge, until, true);

      control.cycle();
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();

      DesiredState refused = control.view(1).desired().orElseThrow();
      assertThat(refused.intent()).isEqualTo(new Intent.SelfConsumption());
      assertThat(refused.cause()).isEqualTo(Cause.SAFETY);
      assertThat(english(refused.reason())).contains("no grid charging in peak hours");
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(control.battery(1).acPower().value()).isPositive();
      assertThat(control.eventsOf(CommandSent.class, 1)).isEmpty();

      assertThat(control.view(2).desired().orElseThrow().cause()).isEqualTo(Cause.OVERRIDE);
      assertThat(control.view(2).confirmed()).isTrue();
      assertThat(control.battery(2).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(2).acPower()).isEqualTo(Watts.of(-2000));
    }
  }
}
