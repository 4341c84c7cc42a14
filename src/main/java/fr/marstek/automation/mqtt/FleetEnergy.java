package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.device.BatteryStatus;
import java.util.List;
import java.util.Optional;

/**
 * The fleet's energy state topic: the sum of every battery's lifetime charged and discharged
 * counters, for Home Assistant's Energy dashboard when a household wants one battery entry for the
 * whole fleet.
 *
 * <p>Home Assistant reads a {@code total_increasing} value that goes down as a new meter cycle and
 * counts all of the new value as energy. So the sum is published only once every battery has
 * reported its counters, and an offline battery keeps its last ones: a battery not yet seen or gone
 * quiet would otherwise make the sum jump.
 */
record FleetEnergy(
    int batteries,
    @JsonProperty("charged_kwh") double chargedKwh,
    @JsonProperty("discharged_kwh") double dischargedKwh) {

  static Optional<FleetEnergy> of(List<BatteryHealth> fleet) {
    if (fleet.isEmpty() || fleet.stream().anyMatch(h -> h.lastStatus().isEmpty())) {
      return Optional.empty();
    }
    double charged = 0;
    double discharged = 0;
    for (BatteryHealth health : fleet) {
      BatteryStatus status = health.lastStatus().orElseThrow();
      charged += status.chargedTotal().kilowattHours();
      discharged += status.dischargedTotal().kilowattHours();
    }
    return Optional.of(new FleetEnergy(fleet.size(), kwh(charged), kwh(discharged)));
  }

  /** Watt-hour steps, like each battery's counters. */
  private static double kwh(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
