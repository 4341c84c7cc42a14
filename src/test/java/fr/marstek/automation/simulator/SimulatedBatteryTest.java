package fr.marstek.automation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The physics with a test clock: whole nights pass in milliseconds. */
class SimulatedBatteryTest {

  private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private static SimulatedBattery battery(MutableClock clock, double soc, HouseholdLoad load) {
    return new SimulatedBattery(
        SimulatorOptions.defaults().withInitialSoc(Percent.of(soc)).withLoad(load), clock);
  }

  private static ModeCommand manual(String start, String end, Set<DayOfWeek> days, int watts) {
    return new ModeCommand.Manual(
        new ManualSlot(
            0, LocalTime.parse(start), LocalTime.parse(end), days, Watts.of(watts), true));
  }

  @Test
  void aNightOfManualChargingFillsTheBatteryAndThenStops() {
    var clock = MutableClock.atParis("2026-01-15T21:00");
    var battery = battery(clock, 12, HouseholdLoad.constant(Watts.of(400)));
    battery.apply(manual("22:00", "06:00", EVERY_DAY, -2500));

    clock.setParis("2026-01-15T21:59");
    Watts beforeTheSlot = battery.acPower();
    clock.setParis("2026-01-15T22:30");
    Watts inTheSlot = battery.acPower();
    clock.setParis("2026-01-16T05:00");

    assertThat(beforeTheSlot).isEqualTo(Watts.ZERO);
    assertThat(inTheSlot).isEqualTo(Watts.of(-2500));
    assertThat(battery.soc()).isEqualTo(Percent.of(100));
    assertThat(battery.acPower()).isEqualTo(Watts.ZERO);
    // 88 % of 5120 Wh stored through a 93 % efficient charger.
    assertThat(battery.chargedTotal().value()).isCloseTo(0.88 * 5120 / 0.93, within(0.01));
    assertThat(battery.meterPower()).isEqualTo(Watts.of(400));
  }

  @Test
  void oneLongJumpGivesTheSameNightAsManySmallSteps() {
    var jumpClock = MutableClock.atParis("2026-01-15T21:00");
    var stepClock = MutableClock.atParis("2026-01-15T21:00");
    var jumped = battery(jumpClock, 30, HouseholdLoad.realProfile());
    var stepped = battery(stepClock, 30, HouseholdLoad.realProfile());
    jumped.apply(manual("22:00", "06:00", EVERY_DAY, -700));
    stepped.apply(manual("22:00", "06:00", EVERY_DAY, -700));

    jumpClock.advance(Duration.ofHours(10));
    for (int i = 0; i < 10 * 60 / 7 + 1; i++) {
      stepClock.advance(Duration.ofMinutes(7));
      stepped.soc();
    }
    stepClock.setParis("2026-01-16T07:00");

    assertThat(stepped.soc().value()).isCloseTo(jumped.soc().value(), within(1e-9));
    assertThat(stepped.chargedTotal().value())
        .isCloseTo(jumped.chargedTotal().value(), within(1e-9));
  }

  @Test
  void autoFollowsTheHouseholdLoadAndNeverExports() {
    var clock = MutableClock.atParis("2026-01-15T00:00");
    var battery = battery(clock, 100, HouseholdLoad.realProfile());

    for (int quarter = 0; quarter < 96; quarter++) {
      clock.advance(Duration.ofMinutes(15));
      double load = battery.householdLoad().value();
      double power = battery.acPower().value();
      boolean atFloor = battery.soc().value() <= 12 + 1e-9;

      assertThat(power).isEqualTo(atFloor ? 0 : Math.min(load, 800));
      assertThat(battery.meterPower().value()).isGreaterThanOrEqualTo(0);
    }
    assertThat(battery.meterExported().value()).isZero();
    assertThat(battery.dischargedTotal().value()).isPositive();
    assertThat(battery.soc().value()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void dischargeStopsAtTheDepthOfDischargeFloor() {
    var clock = MutableClock.atParis("2026-01-15T18:00");
    var battery = battery(clock, 20, HouseholdLoad.constant(Watts.of(2000)));

    clock.advance(Duration.ofHours(6));

    assertThat(battery.soc()).isEqualTo(Percent.of(12));
    assertThat(battery.acPower()).isEqualTo(Watts.ZERO);
    assertThat(battery.meterPower()).isEqualTo(Watts.of(2000));
    assertThat(battery.dischargedTotal().value()).isCloseTo(0.08 * 5120 * 0.93, within(0.01));
  }

  @Test
  void passiveRunsUntilItsDeadlineThenRevertsToThePreviousMode() {
    var clock = MutableClock.atParis("2026-01-15T12:00");
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));
    battery.apply(manual("02:00", "03:00", EVERY_DAY, -1000));
    battery.apply(new ModeCommand.Passive(Watts.of(-1000), Duration.ofSeconds(300)));

    clock.advance(Duration.ofSeconds(299));
    DeviceMode during = battery.mode();
    Watts powerDuring = battery.acPower();
    clock.advance(Duration.ofSeconds(1));

    assertThat(during).isEqualTo(DeviceMode.PASSIVE);
    assertThat(powerDuring).isEqualTo(Watts.of(-1000));
    assertThat(battery.mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(battery.acPower()).isEqualTo(Watts.ZERO);
    assertThat(battery.chargedTotal().value()).isCloseTo(1000 * 300 / 3600.0, within(1e-6));
  }

  @Test
  void commandsAreClampedToTheChargeAndSocketLimits() {
    var clock = MutableClock.atParis("2026-01-15T12:00");
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));

    battery.apply(manual("00:00", "00:00", EVERY_DAY, -5000));
    Watts charging = battery.acPower();
    battery.apply(new ModeCommand.Passive(Watts.of(2500), Duration.ofMinutes(5)));

    assertThat(charging).isEqualTo(Watts.of(-2500));
    assertThat(battery.acPower()).isEqualTo(Watts.of(800));
    assertThat(battery.meterPower()).isEqualTo(Watts.of(-500));
  }

  @Test
  void aSlotOnlyRunsOnTheDaysOfItsWeekSet() {
    var clock = MutableClock.atParis("2026-01-15T12:00"); // a Thursday
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));

    battery.apply(manual("10:00", "14:00", EnumSet.of(DayOfWeek.MONDAY), -1000));
    Watts thursday = battery.acPower();
    clock.setParis("2026-01-19T12:00");

    assertThat(thursday).isEqualTo(Watts.ZERO);
    assertThat(battery.acPower()).isEqualTo(Watts.of(-1000));
  }

  @Test
  void aSlotEndingAt2359RunsThroughTheLastMinuteOfTheDayAsTheVendorsAllDaySlotDoes() {
    var clock = MutableClock.atParis("2026-01-15T23:58:30");
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));
    battery.apply(manual("22:00", "23:59", EVERY_DAY, -1000));

    clock.setParis("2026-01-15T23:59:30");
    Watts lastMinute = battery.acPower();
    clock.setParis("2026-01-16T00:00:30");

    assertThat(lastMinute).isEqualTo(Watts.of(-1000));
    assertThat(battery.acPower()).isEqualTo(Watts.ZERO);
    assertThat(battery.chargedTotal().value()).isCloseTo(1000.0 * 1.5 / 60, within(1e-6));
  }

  @Test
  void upsModeIdles() {
    var clock = MutableClock.atParis("2026-01-15T12:00");
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));

    battery.setMode(DeviceMode.UPS);
    clock.advance(Duration.ofHours(2));

    assertThat(battery.acPower()).isEqualTo(Watts.ZERO);
    assertThat(battery.soc()).isEqualTo(Percent.of(50));
  }

  @Test
  void thePackWarmsWithPowerBetweenTwentyAndThirtyDegrees() {
    var clock = MutableClock.atParis("2026-01-15T12:00");
    var battery = battery(clock, 20, HouseholdLoad.constant(Watts.of(300)));
    battery.setMode(DeviceMode.UPS);
    clock.advance(Duration.ofHours(3));
    double idle = battery.temperature().value();

    battery.apply(new ModeCommand.Passive(Watts.of(-2500), Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));

    assertThat(idle).isBetween(20.0, 21.0);
    assertThat(battery.temperature().value()).isBetween(25.0, 30.0);
  }

  @ParameterizedTest(name = "night starting {0}: {1} hours of charging")
  @CsvSource({"2026-03-28, 7", "2026-10-24, 9", "2026-01-15, 8"})
  void slotsFollowLocalTimeAcrossDaylightSavingNights(String evening, int hours) {
    var clock = MutableClock.atParis(evening + "T21:00");
    var battery = battery(clock, 20, HouseholdLoad.constant(Watts.of(300)));
    battery.apply(manual("22:00", "06:00", EVERY_DAY, -200));

    clock.advance(Duration.ofHours(12));

    assertThat(battery.chargedTotal().value()).isCloseTo(200.0 * hours, within(1e-6));
  }

  @Test
  void setSocAndFactoryResetAreVisibleImmediately() {
    var clock = MutableClock.atParis("2026-01-15T12:00");
    var battery = battery(clock, 50, HouseholdLoad.constant(Watts.of(300)));
    battery.apply(manual("10:00", "14:00", EVERY_DAY, -1000));

    battery.setSoc(Percent.of(70));
    battery.factoryReset(false);

    assertThat(battery.soc()).isEqualTo(Percent.of(70));
    assertThat(battery.mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(battery.manualSlots()).isEmpty();
  }
}
