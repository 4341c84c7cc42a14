package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ControlSettings;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.control.ModeOverride;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Overrides and pause: every route here changes state, so each needs the API token. */
@RestController
@Tag(name = "Control", description = "Force modes, clear overrides, pause and resume automation")
@SecurityRequirement(name = "bearer")
class ControlController {

  private final Automation automation;
  private final Batteries batteries;
  private final InstantSource clock;
  private final FleetObserver observer;

  ControlController(
      Automation automation, Batteries batteries, InstantSource clock, FleetObserver observer) {
    this.observer = observer;
    this.automation = automation;
    this.batteries = batteries;
    this.clock = clock;
  }

  @PostMapping("/api/v1/batteries/{id}/mode")
  @Operation(summary = "Force a mode on one battery until a time or for a duration")
  OverrideView forceOne(@PathVariable String id, @RequestBody ModeRequest request) {
    BatteryId battery = known(id);
    // Bad input is told first: a person fixes the request before waiting for the battery.
    ModeOverride forced = validated(Optional.of(battery), request);
    BatteryHealth health = observer.health(battery);
    if (health != null && !health.online()) {
      throw new ErrorResponseException(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Battery "
                  + id
                  + " is offline ("
                  + health.lastError().orElse("no answer")
                  + "): check that it is powered and its Open API enabled, then try again."),
          null);
    }
    return apply(forced);
  }

  @PostMapping("/api/v1/batteries/mode")
  @Operation(summary = "Force a mode on every battery until a time or for a duration")
  OverrideView forceAll(@RequestBody ModeRequest request) {
    return apply(validated(Optional.empty(), request));
  }

  @DeleteMapping("/api/v1/batteries/{id}/override")
  @Operation(summary = "End a battery's override: control returns to the schedule")
  ClearedView clear(@PathVariable String id) {
    BatteryId battery = known(id);
    return new ClearedView(id, automation.clearOverride(Optional.of(battery)));
  }

  @PostMapping("/api/v1/automation/pause")
  @Operation(summary = "Stop sending commands; batteries keep what they were doing")
  AutomationView pause() {
    automation.pause();
    return new AutomationView(true);
  }

  @PostMapping("/api/v1/automation/resume")
  @Operation(summary = "Resume automatic control")
  AutomationView resume() {
    automation.resume();
    return new AutomationView(false);
  }

  private ModeOverride validated(Optional<BatteryId> battery, ModeRequest request) {
    Instant now = clock.instant();
    Instant until =
        ModeRequests.until(request, now, automation.settings().schedule().nextChange(now));
    ControlSettings settings = automation.settings();
    var limits = battery.map(settings::limitsFor).orElse(settings.defaults());
    Intent intent = ModeRequests.intent(request, limits, until);
    boolean allowPeak = Boolean.TRUE.equals(request.allowPeakGridCharge());
    return new ModeOverride(battery, intent, until, allowPeak);
  }

  private OverrideView apply(ModeOverride o) {
    automation.override(o.battery(), o.intent(), o.until(), o.gridChargeInPeak());
    return OverrideView.of(o);
  }

  private BatteryId known(String id) {
    BatteryId battery;
    try {
      battery = new BatteryId(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
    if (batteries.find(battery).isEmpty()) {
      throw notFound(id);
    }
    return battery;
  }

  private ErrorResponseException notFound(String id) {
    var ids = batteries.all().stream().map(b -> b.id().value()).toList();
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No battery '" + id + "'. Known batteries: " + ids),
        null);
  }

  @ExceptionHandler(ModeRequests.BadRequest.class)
  ProblemDetail badRequest(ModeRequests.BadRequest e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  record OverrideView(
      String battery,
      String mode,
      OffsetDateTime until,
      @JsonProperty("allow_peak_grid_charge") boolean allowPeakGridCharge) {
    static OverrideView of(ModeOverride o) {
      return new OverrideView(
          o.battery().map(BatteryId::value).orElse("all"),
          ApiModes.name(o.intent()),
          ApiTimes.paris(o.until()),
          o.gridChargeInPeak());
    }
  }

  record ClearedView(String battery, boolean cleared) {}

  record AutomationView(boolean paused) {}
}
