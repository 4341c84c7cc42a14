package fr.marstek.automation.control;

import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.Watts;

/**
 * The most one battery may charge from the grid now under the import cap, and why, applied after
 * every other rule. A grant too small to be worth a charge holds the battery instead.
 *
 * @param allowed watts this battery may draw; infinite when nothing limits it
 * @param why what limits it, for the reason shown on the dashboard
 */
record ChargeAllowance(double allowed, Phrase why) {

  /** Below this a battery is not started: its report could not tell charging from noise. */
  static final double SMALLEST_CHARGE_W = 100;

  static final ChargeAllowance UNLIMITED =
      new ChargeAllowance(Double.POSITIVE_INFINITY, Phrase.verbatim("no import cap"));

  DesiredState apply(DesiredState wanted) {
    if (!(wanted.intent() instanceof GridCharge c) || c.power().value() <= allowed) {
      return wanted;
    }
    if (allowed < SMALLEST_CHARGE_W) {
      return new DesiredState(
          new Intent.Idle(), Cause.SAFETY, Phrase.of("reason.cap.hold", Arg.phrase(why)));
    }
    return new DesiredState(
        new GridCharge(Watts.of(allowed), c.upTo()),
        wanted.cause(),
        Phrase.of(
            "reason.cap.limited",
            Arg.phrase(wanted.reason()),
            Arg.watts(allowed),
            Arg.phrase(why)));
  }
}
