package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.DeviceMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "The service started at any minute of the day puts every battery in the right mode within one
 * cycle", over real UDP: three batteries left in Auto, AI and an empty Manual.
 */
class StartAtAnyMinuteTest {

  static Stream<LocalTime> minutes() {
    Stream<LocalTime> every13 =
        IntStream.iterate(0, m -> m < 24 * 60, m -> m + 13)
            .mapToObj(m -> LocalTime.MIN.plusMinutes(m));
    Stream<LocalTime> edges =
        Stream.of("05:59", "06:00", "21:59", "22:00", "23:59").map(LocalTime::parse);
    return Stream.concat(every13, edges);
  }

  @ParameterizedTest(name = "started at {0}")
  @MethodSource("minutes")
  void theServiceStartedAtAnyMinutePutsEveryBatteryInTheRightModeWithinOneCycle(LocalTime start)
      throws Exception {
    boolean day = !start.isBefore(LocalTime.of(6, 0)) && start.isBefore(LocalTime.of(22, 0));
    try (var control =
        UdpControl.at(
            "2026-12-01T" + start, UdpControl.VENUS, UdpControl.VENUS, UdpControl.VENUS)) {
      control.battery(2).setMode(DeviceMode.AI);
      control.battery(3).setMode(DeviceMode.MANUAL);

      control.cycle();

      for (int battery = 1; battery <= 3; battery++) {
        assertThat(control.view(battery).confirmed()).as("battery %d confirmed", battery).isTrue();
        if (day) {
          assertThat(control.battery(battery).mode()).isEqualTo(DeviceMode.AUTO);
        } else {
          assertThat(control.battery(battery).mode()).isEqualTo(DeviceMode.MANUAL);
          assertThat(control.battery(battery).acPower().value()).isLessThan(-2000);
        }
      }
      assertThat(control.eventsOf(CommandSent.class))
          .extracting(CommandSent::outcome)
          .containsOnly(Outcome.ACKNOWLEDGED);
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();

      // Half a minute later nothing needs saying again.
      int sent = control.eventsOf(CommandSent.class).size();
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();
      assertThat(control.eventsOf(CommandSent.class)).hasSize(sent);
    }
  }
}
