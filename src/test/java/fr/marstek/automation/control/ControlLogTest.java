package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Commands and mode changes reach the log, so a household sees what was done and why. */
@ExtendWith(OutputCaptureExtension.class)
class ControlLogTest {

  private static final Instant AT = Instant.parse("2026-01-14T21:00:00Z");
  private final ControlLog controlLog = new ControlLog();

  @Test
  void anAcknowledgedCommandIsAnInfoLineInWords(CapturedOutput output) {
    controlLog.on(
        new CommandSent(
            BatteryId.of(2),
            Phrase.of("command.auto"),
            CommandSent.Outcome.ACKNOWLEDGED,
            Optional.empty(),
            Cause.PLAN,
            AT));

    assertThat(output.getAll()).contains("INFO", "battery 2: ", "acknowledged [PLAN]");
    assertThat(output.getAll()).doesNotContain("command.auto");
  }

  @Test
  void aRefusedCommandIsAWarningWithTheBatterysAnswer(CapturedOutput output) {
    controlLog.on(
        new CommandSent(
            BatteryId.of(1),
            Phrase.of("command.auto"),
            CommandSent.Outcome.REJECTED,
            Optional.of("set_result:false"),
            Cause.SCHEDULE,
            AT));

    assertThat(output.getAll()).contains("WARN", "battery 1: ", "rejected (set_result:false)");
  }

  @Test
  void aModeChangeIsAnInfoLineWithItsCause(CapturedOutput output) {
    controlLog.on(
        new ModeChanged(
            BatteryId.of(3),
            DeviceMode.AUTO,
            DeviceMode.MANUAL,
            Cause.PLAN,
            Phrase.verbatim("night charge before a red day"),
            AT));

    assertThat(output.getAll())
        .contains("battery 3: mode AUTO -> MANUAL [PLAN] night charge before a red day");
  }
}
