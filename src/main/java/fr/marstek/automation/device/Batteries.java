package fr.marstek.automation.device;

import java.util.List;
import java.util.Optional;

/** Every battery this service drives, in id order. */
public interface Batteries {

  List<BatteryPort> all();

  default Optional<BatteryPort> find(BatteryId id) {
    return all().stream().filter(b -> b.id().equals(id)).findFirst();
  }

  /** True when these are simulated batteries started because none was configured. */
  boolean isDemo();
}
