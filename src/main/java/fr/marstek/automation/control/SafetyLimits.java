package fr.marstek.automation.control;

import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;

/**
 * Limits that win over schedules, plans and API requests.
 *
 * @param reserve never discharge below this state of charge
 * @param maxCharge largest grid charging power (a magnitude)
 * @param maxDischarge largest discharging power (a magnitude)
 */
public record SafetyLimits(Percent reserve, Watts maxCharge, Watts maxDischarge) {

  public SafetyLimits {
    if (maxCharge.value() <= 0 || maxDischarge.value() <= 0) {
      throw new IllegalArgumentException("power limits are positive magnitudes");
    }
  }

  /** Venus-E factory limits: 2500 W charge, 800 W discharge (socket limit), 11 % reserve. */
  public static SafetyLimits venusE() {
    return new SafetyLimits(Percent.of(11), Watts.of(2500), Watts.of(800));
  }
}
