package fr.marstek.automation.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.BatteryOverview;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.units.PhraseFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/** One battery as the API shows it, snake_case as the seed's API had it. */
record BatteryView(
    @Schema(description = "The X of BATTERY_X_IP") String id,
    String address,
    boolean online,
    @Schema(description = "State of charge, %") Integer soc,
    @JsonProperty("power_w")
        @Schema(
            description =
                "Battery AC power in W: positive = discharging to the house, negative = charging")
        Integer powerW,
    @JsonProperty("grid_power_w")
        @Schema(description = "Household meter power in W where known: positive = import")
        Integer gridPowerW,
    @Schema(description = "Mode the battery reports: AUTO, AI, MANUAL, PASSIVE, UPS, UNKNOWN")
        String mode,
    @JsonProperty("desired_mode")
        @Schema(description = "What control wants: AUTO, AI, MANUAL (grid charge), IDLE, PASSIVE")
        String desiredMode,
    @Schema(description = "Why, in words") String reason,
    @Schema(description = "SCHEDULE, PLAN, OVERRIDE, SAFETY, DRIFT_CORRECTION") String cause,
    @Schema(description = "The battery was confirmed in its desired state") boolean confirmed,
    @Schema(description = "The battery did not take its desired state after every retry")
        boolean drifted,
    @JsonProperty("temperature_c") Double temperatureC,
    @JsonProperty("capacity_wh") Integer capacityWh,
    @JsonProperty("last_seen") OffsetDateTime lastSeen,
    @JsonProperty("offline_since") OffsetDateTime offlineSince,
    @JsonProperty("last_error") String lastError) {

  static BatteryView of(BatteryHealth health, Optional<ControlView> control, Locale locale) {
    BatteryOverview b = BatteryOverview.of(health, control);
    return new BatteryView(
        b.id(),
        b.address(),
        b.online(),
        b.soc().orElse(null),
        b.powerW().orElse(null),
        b.gridPowerW().orElse(null),
        b.mode().orElse(null),
        b.desiredMode().map(Enum::name).orElse(null),
        b.reason().map(r -> PhraseFormat.messages().format(r, locale)).orElse(null),
        b.cause().map(Enum::name).orElse(null),
        b.confirmed(),
        b.drifted(),
        b.temperatureC().orElse(null),
        b.capacityWh().orElse(null),
        b.lastSeen().map(ApiTimes::paris).orElse(null),
        b.offlineSince().map(ApiTimes::paris).orElse(null),
        b.lastError().orElse(null));
  }
}
