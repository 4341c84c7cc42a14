package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.Faults;
import fr.marstek.automation.units.PhraseFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Batteries that do not keep, or do not take, what they are told, over real UDP. */
class DriftOverUdpTest {

  /**
   * The flip is seen in the power the next poll reports, not by reading the mode (which the budget
   * forbids within a minute of a command and allows once every 10 minutes).
   */
  @Test
  void aBatteryThatFlipsItselfBackIsCorrected() throws Exception {
    try (var control = UdpControl.at("2026-12-01T23:40:00", UdpControl.VENUS)) {
      control.cycle();
      assertThat(control.view(1).confirmed()).isTrue();

      control.battery(1).setMode(DeviceMode.AUTO);
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();

      assertThat(control.eventsOf(ModeChanged.class))
          .extracting(ModeChanged::from, ModeChanged::to, ModeChanged::cause)
          .containsExactly(tuple(DeviceMode.AUTO, DeviceMode.MANUAL, Cause.SCHEDULE));
      assertThat(control.eventsOf(CommandSent.class).getLast().cause())
          .isEqualTo(Cause.DRIFT_CORRECTION);
      assertThat(control.view(1).confirmed()).isTrue();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower().value()).isLessThan(-2000);
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
    }
  }

  /** Two ways to ignore a command: refuse it, or acknowledge it and fall back at once. */
  enum Ignoring {
    REJECTS(
        f -> f.rejectSets(true),
        Outcome.REJECTED,
        "Reports self-consumption instead of manual slots"),
    // Acknowledged, so taken to be in Manual until the next mode read: its power gives it away.
    FALLS_BACK(
        f -> f.driftTo(DeviceMode.AUTO),
        Outcome.ACKNOWLEDGED,
        "Reports manual slots as asked but its power is 400 W at 49 % charge");

    final Consumer<Faults> fault;
    final Outcome outcome;
    final String mismatch;

    Ignoring(Consumer<Faults> fault, Outcome outcome, String mismatch) {
      this.fault = fault;
      this.outcome = outcome;
      this.mismatch = mismatch;
    }
  }

  @ParameterizedTest
  @EnumSource(Ignoring.class)
  void aBatteryThatIgnoresCommandsIsRetriedWithBackoffThenReportedDriftedOnce(Ignoring ignoring)
      throws Exception {
    try (var control = UdpControl.at("2026-12-01T23:00:00", UdpControl.VENUS)) {
      Instant start = control.clock.instant();
      ignoring.fault.accept(control.device(1).faults());

      control.cycleEvery(Duration.ofSeconds(10), "2026-12-01T23:15:00", () -> {});

      // Standard policy: 30 s, doubling, drifted after 4 attempts, then every 5 minutes.
      assertThat(attemptOffsets(control, start)).containsExactly(0L, 30L, 90L, 210L, 510L, 810L);
      assertThat(control.eventsOf(CommandSent.class))
          .extracting(CommandSent::outcome)
          .containsOnly(ignoring.outcome);
      List<BatteryDrifted> drifted = control.eventsOf(BatteryDrifted.class);
      assertThat(drifted)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.attempts()).isEqualTo(4);
                assertThat(d.at()).isEqualTo(start.plusSeconds(210));
                assertThat(PhraseFormat.english(d.mismatch())).isEqualTo(ignoring.mismatch);
                assertThat(d.desired().intent()).isInstanceOf(Intent.GridCharge.class);
              });
      assertThat(control.view(1).drifted()).isTrue();
      assertThat(control.eventsOf(DesiredStateReached.class)).isEmpty();

      control.device(1).faults().reset();
      control.cycleEvery(Duration.ofSeconds(10), "2026-12-01T23:20:10", () -> {});

      assertThat(attemptOffsets(control, start)).endsWith(810L, 1110L);
      assertThat(control.eventsOf(BatteryDrifted.class)).hasSize(1);
      assertThat(control.eventsOf(DesiredStateReached.class))
          .singleElement()
          .satisfies(r -> assertThat(r.at()).isEqualTo(start.plusSeconds(1110)));
      assertThat(control.view(1).confirmed()).isTrue();
      assertThat(control.view(1).drifted()).isFalse();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower().value()).isLessThan(-2000);
    }
  }

  /** When each attempt went out, in seconds after the start: its commands share one instant. */
  private static List<Long> attemptOffsets(UdpControl control, Instant start) {
    return control.eventsOf(CommandSent.class).stream()
        .map(c -> Duration.between(start, c.at()).toSeconds())
        .distinct()
        .toList();
  }
}
