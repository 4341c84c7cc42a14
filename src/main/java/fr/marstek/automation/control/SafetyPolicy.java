package fr.marstek.automation.control;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.Watts;

/**
 * Applied after the schedule, the plan and any override, so that no request bypasses it: the
 * reserve, the power limits, and no grid charging in peak hours unless explicitly asked.
 */
final class SafetyPolicy {

  private SafetyPolicy() {}

  /**
   * @param peakHours whether grid energy is at its peak price now (Tempo 06:00-22:00)
   * @param gridChargeInPeakAsked the household explicitly asked for grid charging now
   */
  static DesiredState apply(
      DesiredState wanted,
      SafetyLimits limits,
      Percent soc,
      boolean peakHours,
      boolean gridChargeInPeakAsked) {
    boolean atReserve = soc.compareTo(limits.reserve()) <= 0;
    return switch (wanted.intent()) {
      case GridCharge c when peakHours && !gridChargeInPeakAsked ->
          safety(new SelfConsumption(), Phrase.of("reason.safety.peak"));
      case GridCharge c when c.power().compareTo(limits.maxCharge()) > 0 ->
          new DesiredState(
              new GridCharge(limits.maxCharge(), c.upTo()),
              wanted.cause(),
              limited(wanted.reason(), limits.maxCharge()));
      case GridCharge c -> wanted;
      case FixedPower f when f.power().value() < 0 && peakHours && !gridChargeInPeakAsked ->
          safety(new SelfConsumption(), Phrase.of("reason.safety.peak"));
      case FixedPower f when f.power().value() > 0 && atReserve ->
          safety(new Idle(), atReserve(soc, limits));
      case FixedPower f -> clamp(wanted, f, limits);
      case SelfConsumption s when atReserve -> safety(new Idle(), atReserve(soc, limits));
      case VendorAi a when atReserve -> safety(new Idle(), atReserve(soc, limits));
      case SelfConsumption s -> wanted;
      case VendorAi a -> wanted;
      case Idle i -> wanted;
    };
  }

  private static DesiredState clamp(DesiredState wanted, FixedPower f, SafetyLimits limits) {
    Watts clamped = f.power().clamp(limits.maxCharge().negate(), limits.maxDischarge());
    if (clamped.equals(f.power())) {
      return wanted;
    }
    return new DesiredState(
        new FixedPower(clamped, f.until()), wanted.cause(), limited(wanted.reason(), clamped));
  }

  private static Phrase limited(Phrase why, Watts limit) {
    return Phrase.of("reason.powerLimited", Arg.phrase(why), Arg.watts(limit));
  }

  private static Phrase atReserve(Percent soc, SafetyLimits limits) {
    return Phrase.of("reason.safety.reserve", Arg.percent(soc), Arg.percent(limits.reserve()));
  }

  private static DesiredState safety(Intent intent, Phrase why) {
    return new DesiredState(intent, Cause.SAFETY, why);
  }
}
