package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The host's clock corrected by NTP (or set after a boot without a real-time clock) while control
 * runs: whichever way it jumps, the battery is in the state the new time wants within a retry wait
 * of real time, never after the jump's size.
 */
class ClockJumpOverUdpTest {

  @Test
  void aBackwardJumpDoesNotPostponeTheRetryOfARefusedCommandByTheJumpsSize() throws Exception {
    try (var control = UdpControl.at("2026-12-01T23:00:00", UdpControl.VENUS)) {
      control.device(1).faults().rejectSets(true);
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);

      control.clock.advance(Duration.ofMinutes(-30)); // 22:30: still night, the retry is due anew
      control.device(1).faults().rejectSets(false);
      for (int i = 0; i < 2; i++) {
        control.clock.advance(RetryPolicy.standard().waitAfter(1));
        control.cycle();
      }

      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.view(1).confirmed()).isTrue();
    }
  }

  @Test
  void aBackwardJumpOverTheBoundaryGoesBackToTheDayModeAndForwardAgain() throws Exception {
    try (var control = UdpControl.at("2026-12-01T22:00:30", UdpControl.VENUS)) {
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);

      control.clock.advance(Duration.ofHours(-1)); // 21:00:30
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);

      control.clock.advance(Duration.ofHours(1).plusSeconds(30)); // 22:01
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.view(1).confirmed()).isTrue();
    }
  }

  @Test
  void aForwardJumpOverTheNightLandsInTheMorningMode() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(40));
    try (var control = UdpControl.at("2026-12-01T21:59:00", options)) {
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);

      control.clock.advance(Duration.ofHours(8).plusMinutes(31)); // 06:30 the next day
      control.cycle();

      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(control.view(1).confirmed()).isTrue();
    }
  }

  @Test
  void aBackwardJumpWithAnOverrideKeepsTheOverrideUntilItsEnd() throws Exception {
    try (var control = UdpControl.at("2026-12-01T12:00:00", UdpControl.VENUS)) {
      control.intent.override(
          java.util.Optional.empty(),
          new Intent.Idle(),
          control.clock.instant().plus(Duration.ofMinutes(30)),
          false);
      control.cycle();
      var idleMode = control.battery(1).mode();
      assertThat(idleMode).isNotEqualTo(DeviceMode.AUTO);

      control.clock.advance(Duration.ofHours(-2)); // 10:00: the override has not ended yet
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(idleMode);

      control.clock.advance(Duration.ofHours(2).plusMinutes(31)); // 12:31: it has
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
    }
  }
}
