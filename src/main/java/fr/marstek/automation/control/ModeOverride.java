package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.Optional;

/**
 * A household's request to force an intent until a time, for one battery or (empty battery) all.
 *
 * @param gridChargeInPeak the household explicitly allows grid charging in peak hours
 */
public record ModeOverride(
    Optional<BatteryId> battery, Intent intent, Instant until, boolean gridChargeInPeak) {

  public boolean appliesTo(BatteryId id, Instant now) {
    return now.isBefore(until) && battery.map(id::equals).orElse(true);
  }
}
