package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.BatteryOverview;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.units.PhraseFormat;
import java.util.Optional;

/**
 * One battery's state topic, with the REST API's field names. No timestamp, so an unchanged battery
 * publishes an unchanged payload and "publish on change" can compare payloads.
 */
record BatteryStatePayload(
    String id,
    boolean online,
    Integer soc,
    @JsonProperty("power_w") Integer powerW,
    @JsonProperty("grid_power_w") Integer gridPowerW,
    String mode,
    @JsonProperty("desired_mode") String desiredMode,
    String cause,
    String reason,
    boolean confirmed,
    boolean drifted,
    @JsonProperty("temperature_c") Double temperatureC,
    @JsonProperty("charged_kwh") Double chargedKwh,
    @JsonProperty("discharged_kwh") Double dischargedKwh) {

  static BatteryStatePayload of(BatteryHealth health, Optional<ControlView> control) {
    BatteryOverview b = BatteryOverview.of(health, control);
    return new BatteryStatePayload(
        b.id(),
        b.online(),
        b.soc().orElse(null),
        b.powerW().orElse(null),
        b.gridPowerW().orElse(null),
        b.mode().orElse(null),
        b.desiredMode().map(Enum::name).orElse(null),
        b.cause().map(Enum::name).orElse(null),
        // Home Assistant shows one text for every user: English, as before reasons were phrases
        b.reason().map(PhraseFormat::english).orElse(null),
        b.confirmed(),
        b.drifted(),
        b.temperatureC().orElse(null),
        b.chargedKwh().orElse(null),
        b.dischargedKwh().orElse(null));
  }
}
