package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryStatus;
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
    Optional<BatteryStatus> status = health.lastStatus();
    Optional<DesiredState> desired = control.flatMap(ControlView::desired);
    return new BatteryStatePayload(
        health.id().value(),
        health.online(),
        status.map(s -> (int) Math.round(s.soc().value())).orElse(null),
        status.map(s -> s.acPower().rounded()).orElse(null),
        status.flatMap(BatteryStatus::meterPower).map(w -> w.rounded()).orElse(null),
        status.map(s -> s.mode().name()).orElse(null),
        desired.map(d -> modeName(d.intent())).orElse(null),
        desired.map(d -> d.cause().name()).orElse(null),
        // Home Assistant shows one text for every user: English, as before reasons were phrases
        desired.map(d -> PhraseFormat.english(d.reason())).orElse(null),
        control.map(ControlView::confirmed).orElse(false),
        control.map(ControlView::drifted).orElse(false),
        status.flatMap(BatteryStatus::temperature).map(c -> c.value()).orElse(null),
        status.map(s -> kwh(s.chargedTotal().kilowattHours())).orElse(null),
        status.map(s -> kwh(s.dischargedTotal().kilowattHours())).orElse(null));
  }

  /** Watt-hour steps: finer would publish a new payload at every poll for no reader. */
  private static double kwh(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** The REST API's names for intents, so Home Assistant and the API agree. */
  static String modeName(Intent intent) {
    return switch (intent) {
      case Intent.SelfConsumption s -> "AUTO";
      case Intent.VendorAi a -> "AI";
      case Intent.GridCharge c -> "MANUAL";
      case Intent.Idle i -> "IDLE";
      case Intent.FixedPower f -> "PASSIVE";
    };
  }
}
