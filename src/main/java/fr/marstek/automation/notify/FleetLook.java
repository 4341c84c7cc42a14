package fr.marstek.automation.notify;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.Plan;
import java.util.Optional;

/**
 * What the watches read of control: the current plan and each battery's last report, through
 * control's public API; either may be missing in a service started without control.
 */
final class FleetLook {

  private final Optional<Automation> automation;
  private final Optional<FleetObserver> observer;

  FleetLook(Optional<Automation> automation, Optional<FleetObserver> observer) {
    this.automation = automation;
    this.observer = observer;
  }

  Optional<Plan> plan() {
    return automation.flatMap(Automation::plan);
  }

  /** The last report of a battery that answers now; empty while it is offline. */
  Optional<BatteryStatus> online(String battery) {
    BatteryId id;
    try {
      id = new BatteryId(battery);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return observer
        .map(o -> o.health(id))
        .filter(BatteryHealth::online)
        .flatMap(BatteryHealth::lastStatus);
  }

  /** Its reported capacity in Wh, or a Venus E's when it reported none. */
  static double capacityWh(Optional<BatteryStatus> status) {
    return status
        .map(s -> s.capacity().value())
        .filter(wh -> wh > 0)
        .orElse(BatteryLimits.venusE().capacity().value());
  }
}
