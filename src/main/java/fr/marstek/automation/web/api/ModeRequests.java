package fr.marstek.automation.web.api;

import fr.marstek.automation.control.Intent;
import fr.marstek.automation.control.SafetyLimits;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Turns a {@link ModeRequest} into an intent and an end time, or says what is wrong with it. */
public final class ModeRequests {

  static final Duration LONGEST = Duration.ofDays(7);

  private ModeRequests() {}

  /** The intent asked for, within the battery's limits. */
  public static Intent intent(ModeRequest request, SafetyLimits limits, Instant until) {
    String mode = request.mode() == null ? "" : request.mode().trim().toUpperCase(Locale.ROOT);
    return switch (mode) {
      case "AUTO" -> new Intent.SelfConsumption();
      case "AI" -> new Intent.VendorAi();
      case "IDLE" -> new Intent.Idle();
      case "MANUAL" -> gridCharge(request, limits);
      case "PASSIVE" -> passive(request, until);
      default ->
          throw new BadRequest(
              "mode '" + request.mode() + "' is not one of AUTO, AI, MANUAL, IDLE, PASSIVE");
    };
  }

  /** When the override ends: asked for, or the next schedule change; at most 7 days ahead. */
  public static Instant until(ModeRequest request, Instant now, Instant nextScheduleChange) {
    if (request.until() != null && request.duration() != null) {
      throw new BadRequest("give either 'until' or 'duration', not both");
    }
    Instant until = nextScheduleChange;
    if (request.until() != null) {
      until = request.until().toInstant();
    } else if (request.duration() != null) {
      if (request.duration().isNegative() || request.duration().isZero()) {
        throw new BadRequest("'duration' must be positive, such as PT2H");
      }
      if (request.duration().compareTo(LONGEST) > 0) {
        // checked before adding: a duration of 1e30 seconds is beyond any instant
        throw new BadRequest(
            "an override lasts at most 7 days; 'duration' is " + request.duration());
      }
      until = now.plus(request.duration());
    }
    if (!until.isAfter(now)) {
      throw new BadRequest("'until' " + until + " is not in the future");
    }
    if (until.isAfter(now.plus(LONGEST))) {
      throw new BadRequest("an override lasts at most 7 days; 'until' is " + until);
    }
    return until;
  }

  private static Intent gridCharge(ModeRequest request, SafetyLimits limits) {
    int power = request.powerW() == null ? limits.maxCharge().rounded() : request.powerW();
    if (power < 1 || power > 2500) {
      throw new BadRequest("MANUAL 'power_w' is a charging power 1-2500 W, was " + power);
    }
    int target = request.targetSoc() == null ? 100 : request.targetSoc();
    if (target < 1 || target > 100) {
      throw new BadRequest("'target_soc' must be 1-100 (%), was " + target);
    }
    return new Intent.GridCharge(Watts.of(power), Percent.of(target));
  }

  private static Intent passive(ModeRequest request, Instant until) {
    if (request.powerW() == null) {
      throw new BadRequest(
          "PASSIVE needs 'power_w': negative to charge, positive to discharge (-2500..2500)");
    }
    // Math.abs(Integer.MIN_VALUE) is negative: compare the bounds instead.
    if (request.powerW() < -2500 || request.powerW() > 2500) {
      throw new BadRequest("PASSIVE 'power_w' must be -2500..2500 W, was " + request.powerW());
    }
    return new Intent.FixedPower(Watts.of(request.powerW()), until);
  }

  /** A request a person can fix: answered 400 with this message. */
  public static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
