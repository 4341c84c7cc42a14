package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.BatteryOverview;
import fr.marstek.automation.control.ControlView;
import fr.marstek.automation.units.Phrase;
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
    BatteryOverview b = BatteryOverview.of(health, control);
    return new BatteryCard(
        b.id(),
        b.online(),
        b.soc().orElse(null),
        b.powerW().orElse(null),
        b.gridPowerW().orElse(null),
        b.mode().orElse(null),
        b.desiredMode().map(Enum::name).orElse(null),
        b.reason().orElse(null),
        b.cause().map(Enum::name).orElse(null),
        b.confirmed(),
        b.drifted(),
        b.temperatureC().orElse(null),
        b.capacityWh().orElse(0),
        b.lastSeen().orElse(null),
        b.offlineSince().orElse(null),
        b.lastError().orElse(null));
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
