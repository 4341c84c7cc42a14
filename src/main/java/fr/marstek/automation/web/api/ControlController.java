package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.CommandAnswer;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.control.ModeName;
import fr.marstek.automation.control.ModeOverride;
import fr.marstek.automation.device.BatteryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Overrides and pause: every route here changes state, so each needs the API token. Each route
 * hands control one command and renders its answer: refusals as problem details (404 unknown
 * battery, 400 a request to fix, 503 offline, 409 held by safety for as long as it would last).
 */
@RestController
@Tag(name = "Control", description = "Force modes, clear overrides, pause and resume automation")
@SecurityRequirement(name = "bearer")
class ControlController {

  private final ControlCommands commands;

  ControlController(ControlCommands commands) {
    this.commands = commands;
  }

  @PostMapping("/api/v1/batteries/{id}/mode")
  @Operation(summary = "Force a mode on one battery until a time or for a duration")
  OverrideView forceOne(@PathVariable String id, @RequestBody ModeRequest request) {
    return OverrideView.of(overrideOf(commands.submit(request.toCommand(Optional.of(id)))));
  }

  @PostMapping("/api/v1/batteries/mode")
  @Operation(summary = "Force a mode on every battery until a time or for a duration")
  OverrideView forceAll(@RequestBody ModeRequest request) {
    return OverrideView.of(overrideOf(commands.submit(request.toCommand(Optional.empty()))));
  }

  @DeleteMapping("/api/v1/batteries/{id}/override")
  @Operation(summary = "End a battery's override: control returns to the schedule")
  ClearedView clear(@PathVariable String id) {
    var answer = accepted(commands.submit(new ControlCommand.ClearOverride(Optional.of(id))));
    return new ClearedView(id, answer.changed());
  }

  @PostMapping("/api/v1/automation/pause")
  @Operation(summary = "Stop sending commands; batteries keep what they were doing")
  AutomationView pause() {
    accepted(commands.submit(new ControlCommand.Pause(true)));
    return new AutomationView(true);
  }

  @PostMapping("/api/v1/automation/resume")
  @Operation(summary = "Resume automatic control")
  AutomationView resume() {
    accepted(commands.submit(new ControlCommand.Pause(false)));
    return new AutomationView(false);
  }

  private static ModeOverride overrideOf(CommandAnswer answer) {
    return accepted(answer).override().orElseThrow();
  }

  private static CommandAnswer.Accepted accepted(CommandAnswer answer) {
    return switch (answer) {
      case CommandAnswer.Accepted a -> a;
      case CommandAnswer.Refused r -> {
        HttpStatus status = status(r.why());
        throw new ErrorResponseException(
            status, ProblemDetail.forStatusAndDetail(status, r.detail()), null);
      }
    };
  }

  static HttpStatus status(CommandAnswer.Refusal why) {
    return switch (why) {
      case UNKNOWN_BATTERY -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case OFFLINE -> HttpStatus.SERVICE_UNAVAILABLE;
      case SAFETY -> HttpStatus.CONFLICT;
    };
  }

  record OverrideView(
      String battery,
      String mode,
      OffsetDateTime until,
      @JsonProperty("allow_peak_grid_charge") boolean allowPeakGridCharge) {
    static OverrideView of(ModeOverride o) {
      return new OverrideView(
          o.battery().map(BatteryId::value).orElse("all"),
          ModeName.of(o.intent()).name(),
          ApiTimes.paris(o.until()),
          o.gridChargeInPeak());
    }
  }

  record ClearedView(String battery, boolean cleared) {}

  record AutomationView(boolean paused) {}
}
