package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both daylight-saving nights, driven hour by hour over real UDP. */
class DaylightSavingNightsTest {

  private record Hour(LocalDateTime paris, DeviceMode mode, double acPower) {}

  @ParameterizedTest(name = "the night after {0} has {1} hours of charging")
  @CsvSource({"2026-03-28, 7", "2026-10-24, 9", "2026-12-01, 8"})
  void theNightChargesEveryRealHourAndSwitchesBackAtSixLocal(String evening, int nightHours)
      throws Exception {
    // A pack large enough to charge all night, so every night hour shows charging power.
    var big = UdpControl.VENUS.withCapacity(WattHours.of(30_720)).withInitialSoc(Percent.of(15));
    try (var control = UdpControl.at(evening + "T21:00", big)) {
      List<Hour> hours = new ArrayList<>();
      var morning = LocalDateTime.parse(evening + "T07:00").plusDays(1);
      double chargedBefore = control.battery(1).chargedTotal().value();

      while (control.parisNow().isBefore(morning)) {
        control.cycle();
        hours.add(
            new Hour(
                control.parisNow(),
                control.battery(1).mode(),
                control.battery(1).acPower().value()));
        control.clock.advance(Duration.ofHours(1));
      }

      List<Hour> night = hours.stream().filter(h -> isNight(h.paris().toLocalTime())).toList();
      assertThat(night).hasSize(nightHours);
      assertThat(night).allSatisfy(h -> assertThat(h.mode()).isEqualTo(DeviceMode.MANUAL));
      assertThat(night).allSatisfy(h -> assertThat(h.acPower()).isLessThan(-2000));
      assertThat(hours.stream().filter(h -> !isNight(h.paris().toLocalTime())))
          .allSatisfy(h -> assertThat(h.mode()).isEqualTo(DeviceMode.AUTO));
      assertThat(hours)
          .filteredOn(h -> h.paris().toLocalTime().equals(LocalTime.of(6, 0)))
          .singleElement()
          .satisfies(h -> assertThat(h.mode()).isEqualTo(DeviceMode.AUTO));
      // The slots charged exactly the real hours of the night, at the 2500 W limit.
      assertThat(control.battery(1).chargedTotal().value() - chargedBefore)
          .isCloseTo(2500.0 * nightHours, within(1.0));
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
      assertThat(control.eventsOf(ModeChanged.class))
          .extracting(ModeChanged::to, ModeChanged::cause)
          .containsExactly(
              tuple(DeviceMode.MANUAL, Cause.SCHEDULE), tuple(DeviceMode.AUTO, Cause.SCHEDULE));
    }
  }

  private static boolean isNight(LocalTime t) {
    return t.isBefore(LocalTime.of(6, 0)) || !t.isBefore(LocalTime.of(22, 0));
  }
}
