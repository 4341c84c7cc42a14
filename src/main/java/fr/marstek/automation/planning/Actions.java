package fr.marstek.automation.planning;

import fr.marstek.automation.units.Watts;

/** Turns planned hourly energy into an action; below one watt-hour is noise. */
final class Actions {

  private static final double NOISE_WH = 1;
  private static final Action HOLD = new Action.Hold();

  private Actions() {}

  /** {@code chargeAc} and {@code dischargeAc} are AC watt-hours over one hour; one is positive. */
  static Action of(double chargeAc, double dischargeAc) {
    if (chargeAc > NOISE_WH) {
      return new Action.ChargeFromGrid(Watts.of(chargeAc));
    }
    if (dischargeAc > NOISE_WH) {
      return new Action.CoverHouse(Watts.of(dischargeAc));
    }
    return HOLD;
  }
}
