package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON body's form (REST and MQTT) becomes one command, absent fields its defaults. */
class ControlCommandTest {

  @Test
  void aBodyWithEveryFieldKeepsEachOneAndTheInstantOfItsTime() {
    var force =
        ControlCommand.Force.fromBody(
            Optional.of("1"),
            "MANUAL",
            OffsetDateTime.parse("2026-12-01T06:00:00+01:00"),
            Duration.ofHours(2),
            1200,
            80,
            true);

    assertThat(force)
        .isEqualTo(
            new ControlCommand.Force(
                Optional.of("1"),
                "MANUAL",
                Optional.of(Instant.parse("2026-12-01T05:00:00Z")),
                Optional.of(Duration.ofHours(2)),
                Optional.of(1200),
                Optional.of(80),
                true));
  }

  @Test
  void aBodyWithOnlyTheModeIsTheBareModeName() {
    assertThat(
            ControlCommand.Force.fromBody(Optional.empty(), "IDLE", null, null, null, null, null))
        .isEqualTo(ControlCommand.Force.named(Optional.empty(), "IDLE"));
    assertThat(
            ControlCommand.Force.fromBody(Optional.empty(), "IDLE", null, null, null, null, false))
        .isEqualTo(ControlCommand.Force.named(Optional.empty(), "IDLE"));
  }
}
