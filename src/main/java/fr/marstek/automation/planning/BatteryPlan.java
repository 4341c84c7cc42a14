package fr.marstek.automation.planning;

import java.util.List;

/** The hourly slots planned for one battery, in time order. */
public record BatteryPlan(String battery, List<PlanSlot> slots) {

  public BatteryPlan {
    slots = List.copyOf(slots);
  }
}
