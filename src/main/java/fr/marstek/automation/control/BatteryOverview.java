package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Optional;

/**
 * One battery as people see it, whatever the screen: the REST API's view, the dashboard's card and
 * the MQTT state topic each render these fields (their names and formats stay their own). Empty
 * where the battery never reported or control wants nothing of it yet.
 *
 * @param powerW AC power: positive discharges to the house, negative charges
 * @param gridPowerW the household meter where known: positive imports
 * @param mode what the battery reports (a device mode); desiredMode is a {@link ModeName}
 */
public record BatteryOverview(
    String id,
    String address,
    boolean online,
    Optional<Integer> soc,
    Optional<Integer> powerW,
    Optional<Integer> gridPowerW,
    Optional<String> mode,
    Optional<ModeName> desiredMode,
    Optional<Phrase> reason,
    Optional<Cause> cause,
    boolean confirmed,
    boolean drifted,
    Optional<Double> temperatureC,
    Optional<Integer> capacityWh,
    Optional<Double> chargedKwh,
    Optional<Double> dischargedKwh,
    Optional<Instant> lastSeen,
    Optional<Instant> offlineSince,
    Optional<String> lastError) {

  public static BatteryOverview of(BatteryHealth health, Optional<ControlView> control) {
    Optional<BatteryStatus> status = health.lastStatus();
    Optional<DesiredState> desired = control.flatMap(ControlView::desired);
    return new BatteryOverview(
        health.id().value(),
        health.address(),
        health.online(),
        status.map(s -> (int) Math.round(s.soc().value())),
        status.map(s -> s.acPower().rounded()),
        status.flatMap(BatteryStatus::meterPower).map(w -> w.rounded()),
        status.map(s -> s.mode().name()),
        desired.map(d -> ModeName.of(d.intent())),
        desired.map(DesiredState::reason),
        desired.map(DesiredState::cause),
        control.map(ControlView::confirmed).orElse(false),
        control.map(ControlView::drifted).orElse(false),
        status.flatMap(BatteryStatus::temperature).map(c -> c.value()),
        status.map(s -> (int) Math.round(s.capacity().value())),
        status.map(s -> kwh(s.chargedTotal().kilowattHours())),
        status.map(s -> kwh(s.dischargedTotal().kilowattHours())),
        health.lastSeen(),
        health.offlineSince(),
        health.lastError());
  }

  /** Watt-hour steps: finer would publish a new MQTT payload at every poll for no reader. */
  private static double kwh(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
