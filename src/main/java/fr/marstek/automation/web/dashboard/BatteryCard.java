package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.web.api.ApiModes;
import java.time.Instant;
import java.util.Optional;

/**
 * One battery's card on the Now page.
 *
 * @param powerW AC power: positive discharges to the house, negative charges
 * @param capacityWh usable capacity, 0 when never reported
 */
public record BatteryCard(
    String id,
    boolean online,
    Integer soc,
    Integer powerW,
    Integer gridW,
    String mode,
    String desiredMode,
    Phrase reason,
    String cause,
    boolean confirmed,
    boolean drifted,
    Double temperature,
    int capacityWh,
    Instant lastSeen,
    Instant offlineSince,
    String lastError) {

  /** Length of the gauge's arc (a circle of radius 40). */
  static final double ARC = 2 * Math.PI * 40;

  static BatteryCard of(BatteryHealth health, Optional<ControlView> control) {
    Optional<BatteryStatus> status = health.lastStatus();
    Optional<DesiredState> desired = control.flatMap(ControlView::desired);
    return new BatteryCard(
        health.id().value(),
        health.online(),
        status.map(s -> (int) Math.round(s.soc().value())).orElse(null),
        status.map(s -> s.acPower().rounded()).orElse(null),
        status.flatMap(BatteryStatus::meterPower).map(w -> w.rounded()).orElse(null),
        status.map(s -> s.mode().name()).orElse(null),
        desired.map(d -> ApiModes.name(d.intent())).orElse(null),
        desired.map(DesiredState::reason).orElse(null),
        desired.map(d -> d.cause().name()).orElse(null),
        control.map(ControlView::confirmed).orElse(false),
        control.map(ControlView::drifted).orElse(false),
        status.flatMap(BatteryStatus::temperature).map(c -> c.value()).orElse(null),
        status.map(s -> (int) Math.round(s.capacity().value())).orElse(0),
        health.lastSeen().orElse(null),
        health.offlineSince().orElse(null),
        health.lastError().orElse(null));
  }

  /** The filled part of the gauge's arc. */
  public String gaugeFill() {
    double share = soc == null ? 0 : Math.clamp(soc, 0, 100) / 100.0;
    return String.format(java.util.Locale.ROOT, "%.1f %.1f", ARC * share, ARC);
  }

  /** charging, discharging or idle: the message key and CSS class of the power flow. */
  public String flow() {
    if (powerW == null || Math.abs(powerW) < 10) {
      return "idle";
    }
    return powerW < 0 ? "charging" : "discharging";
  }

  public Integer powerMagnitude() {
    return powerW == null ? null : Math.abs(powerW);
  }

  /** True when the battery reports the mode control wants (or control wants nothing yet). */
  public boolean inDesiredMode() {
    return desiredMode == null || desiredMode.equals(mode) || "IDLE".equals(desiredMode);
  }

  public boolean overridden() {
    return "OVERRIDE".equals(cause);
  }
}
