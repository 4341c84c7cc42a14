package fr.marstek.automation.simulator;

import fr.marstek.automation.units.Watts;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The Rev 2.0/3.1 SYS writes of firmware 150: {@code DOD.SET}, {@code Set.Ver} and friends. */
final class SystemWrites {

  static final Set<String> METHODS =
      Set.of("DOD.SET", "Ble.Adv", "Led.Ctrl", "Set.Ver", "Reset.Factory");
  private static final Set<Integer> POWER_CLASSES = Set.of(800, 1200, 1500, 2200, 2500);

  private final SimulatedBattery battery;
  private final Faults faults;

  SystemWrites(SimulatedBattery battery, Faults faults) {
    this.battery = battery;
    this.faults = faults;
  }

  /** Checks and performs the write; the caller answers {@code set_result:true}. */
  void perform(String method, JsonNode params) throws InvalidParams {
    switch (method) {
      case "DOD.SET" -> battery.setDod(Params.integer(params, "value", 30, 88));
      case "Ble.Adv" -> Params.integer(params, "enable", 0, 1);
      case "Led.Ctrl" -> Params.integer(params, "state", 0, 1);
      case "Set.Ver" -> {
        int version = Params.integer(params, "version", 800, 2500);
        if (!POWER_CLASSES.contains(version)) {
          throw new InvalidParams("version must be one of " + POWER_CLASSES);
        }
        battery.setDischargeLimit(Watts.of(version));
      }
      // Type 1 clears the totals, type 2 keeps them; either way the Open API ends up off.
      case "Reset.Factory" -> faults.resetToFactory(Params.integer(params, "type", 1, 2) == 1);
      default -> throw new IllegalArgumentException("not a SYS write: " + method);
    }
  }
}
