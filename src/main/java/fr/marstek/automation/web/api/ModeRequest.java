package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.ControlCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A household's request to force a mode. */
@Schema(
    description =
        "Force a mode until a time or for a duration (default: until the next schedule change)."
            + " MANUAL charges from the grid in a device-side slot, IDLE holds the energy, PASSIVE"
            + " holds a fixed AC power (negative charges, positive discharges).")
public record ModeRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"AUTO", "AI", "MANUAL", "IDLE", "PASSIVE"})
        String mode,
    @Schema(
            description = "End of the override, ISO-8601 with offset",
            example = "2026-12-01T06:00:00+01:00")
        OffsetDateTime until,
    @Schema(description = "Length of the override, ISO-8601", example = "PT2H") Duration duration,
    @JsonProperty("power_w")
        @Schema(
            description =
                "MANUAL: charging power (1-2500 W, default the battery's limit). PASSIVE: AC power,"
                    + " negative = charge, positive = discharge (required).")
        Integer powerW,
    @JsonProperty("target_soc")
        @Schema(description = "MANUAL: stop charging at this state of charge (default 100)")
        Integer targetSoc,
    @JsonProperty("allow_peak_grid_charge")
        @Schema(description = "Allow grid charging in peak hours (06:00-22:00); off by default")
        Boolean allowPeakGridCharge) {

  /** The command for control, which checks it: this record only carries the JSON. */
  public ControlCommand.Force toCommand(Optional<String> battery) {
    return ControlCommand.Force.fromBody(
        battery, mode, until, duration, powerW, targetSoc, allowPeakGridCharge);
  }
}
