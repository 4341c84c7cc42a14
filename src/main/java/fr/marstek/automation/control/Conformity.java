package fr.marstek.automation.control;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;

/**
 * Whether a battery's report shows it doing what was asked. Manual slots and Passive setpoints
 * cannot be read back, so the sign of the AC power stands in for them.
 */
final class Conformity {

  /** Below this the AC power counts as zero: the device regulates with some noise. */
  static final double STILL_WATTS = 50;

  /** A battery this full may rightly stop charging. */
  static final double NEARLY_FULL = 98;

  private Conformity() {}

  static boolean conforms(Intent intent, BatteryStatus status) {
    if (status.mode() != intent.expectedMode()) {
      return false;
    }
    double power = status.acPower().value();
    return switch (intent) {
      case SelfConsumption s -> true;
      case VendorAi a -> true;
      case GridCharge c ->
          power <= -STILL_WATTS || status.soc().value() >= Math.min(NEARLY_FULL, c.upTo().value());
      case Idle i -> Math.abs(power) < STILL_WATTS;
      case FixedPower f -> follows(f.power().value(), power, status.soc().value());
    };
  }

  /** A Passive setpoint is followed when it is met within this share of the power asked. */
  static final double PASSIVE_SHARE = 0.8;

  /**
   * Whether the AC power follows a fixed setpoint: the sign alone cannot tell a battery that fell
   * back to self-consumption while covering the house from one discharging as asked (field notes 1
   * #14), so at least {@value #PASSIVE_SHARE} of the power asked (less the noise margin) must show,
   * unless a charge stops because the battery is full.
   */
  static boolean follows(double askedW, double powerW, double socPercent) {
    if (Math.abs(askedW) < STILL_WATTS) {
      return true;
    }
    if (askedW < 0 && socPercent >= NEARLY_FULL) {
      return true;
    }
    return Math.signum(powerW) == Math.signum(askedW)
        && Math.abs(powerW) >= PASSIVE_SHARE * Math.abs(askedW) - STILL_WATTS;
  }

  /** What is wrong, for the drift record and the notification. */
  static Phrase mismatch(Intent intent, BatteryStatus status) {
    if (status.mode() != intent.expectedMode()) {
      return Phrase.of("drift.otherMode", mode(status.mode()), mode(intent.expectedMode()));
    }
    return Phrase.of(
        "drift.power", mode(status.mode()), Arg.watts(status.acPower()), Arg.percent(status.soc()));
  }

  /** A battery's reported mode as a word of the catalogue. */
  static Arg mode(DeviceMode mode) {
    return Arg.term("deviceMode." + mode.name());
  }
}
