package fr.marstek.automation.planning;

import fr.marstek.automation.units.Percent;
import java.util.Objects;

/** One battery as the planner sees it now: a name, its state of charge and its limits. */
public record BatteryState(String name, Percent soc, BatteryLimits limits) {

  public BatteryState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(soc, "soc");
    Objects.requireNonNull(limits, "limits");
  }

  /** Stored energy above the minimum state of charge, in watt-hours (DC side). */
  public double storedWh() {
    return limits.storedAboveMinWh(soc);
  }
}
