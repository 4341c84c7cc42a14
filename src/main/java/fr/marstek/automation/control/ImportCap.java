package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Holds the batteries' grid charging under the import cap, from the fleet's last reports. The
 * meter's import, read with this battery's report, already holds what every battery draws now; a
 * battery may draw what it draws now plus what the cap leaves above that reading, less what the
 * other charging batteries were allowed but no report since shows them drawing yet. Pure: the
 * caller keeps the grants from one cycle to the next.
 *
 * <p>Batteries start one at a time, each once the one started before shows in the reports, so a
 * load switched on with the off-peak signal is seen before the next battery adds to it. A grant is
 * lowered at once and raised only by a worthwhile step, since each change is re-sent to the
 * battery.
 */
final class ImportCap {

  /** A raise smaller than this is not worth a command. */
  static final double RAISE_STEP_W = 300;

  private static final double ROUND_TO_W = 100;

  /** A battery follows a new setpoint within seconds: a grant older than this is in the meter. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  /**
   * One battery as the cap sees it.
   *
   * @param last its last report
   * @param reportedAt when control received that report (control's clock)
   * @param charging control wants it to charge from the grid
   * @param granted what it was last allowed while charging (0 when not charging)
   * @param grantedAt when that grant was first given
   */
  record Member(
      BatteryId id,
      BatteryStatus last,
      Instant reportedAt,
      boolean charging,
      double granted,
      Instant grantedAt) {

    double drawW() {
      return Math.max(0, -last.acPower().value());
    }

    /** Its last report came after its grant: what it draws is in the meter. */
    boolean reportedSinceGrant() {
      return reportedAt.isAfter(grantedAt);
    }

    boolean showsCharging() {
      return reportedSinceGrant() && drawW() >= Conformity.STILL_WATTS;
    }

    /** Allowed but maybe not drawing yet when the meter was read at {@code meterAt}. */
    double pendingW(Instant meterAt) {
      if (grantedAt.isBefore(meterAt.minus(SETTLE))) {
        return 0; // settled: what it draws is in the reading
      }
      return Math.max(0, granted - (reportedSinceGrant() ? drawW() : 0));
    }
  }

  /**
   * What one battery may draw, and what was seen.
   *
   * @param meter the meter's import, when a reading was available
   * @param houseOver no battery charges and the house alone imports more than the cap
   */
  record Decision(ChargeAllowance allowance, Optional<Watts> meter, boolean houseOver) {}

  private ImportCap() {}

  /**
   * @param self the battery that just reported
   * @param others every other battery of the house
   * @param poll the poll interval: a battery started less than this ago may not show yet
   */
  static Decision decide(
      double limitW, Member self, List<Member> others, Duration poll, Instant now) {
    Optional<Member> metered = meterOf(self, others);
    Optional<Watts> meter = metered.flatMap(m -> m.last().meterPower());
    Instant meterAt = metered.map(Member::reportedAt).orElse(now);
    double pending = 0;
    double othersDrawing = 0;
    for (Member other : others) {
      if (other.charging()) {
        pending += other.pendingW(meterAt);
        othersDrawing += Math.max(other.granted(), other.drawW());
      }
    }
    double room =
        meter.isPresent()
            ? limitW - meter.get().value() + self.drawW() - pending
            : limitW - othersDrawing; // no reading: only the batteries themselves are held
    Phrase seen =
        meter
            .map(m -> Phrase.of("reason.cap.meter", Arg.watts(m), Arg.watts(limitW)))
            .orElse(Phrase.of("reason.cap.noMeter", Arg.watts(limitW)));
    boolean nobodyCharges = othersDrawing <= 0 && self.drawW() < Conformity.STILL_WATTS;
    boolean over = meter.isPresent() && nobodyCharges && meter.get().value() > limitW;
    if (self.granted() <= 0 && self.drawW() < Conformity.STILL_WATTS) {
      Optional<Member> starting = startingNow(others, poll, now);
      if (starting.isPresent()) {
        return new Decision(
            new ChargeAllowance(
                0,
                Phrase.of(
                    "reason.cap.startsAfter",
                    Arg.text(starting.get().id().value()),
                    Arg.phrase(seen))),
            meter,
            over);
      }
    }
    double allowed = Math.max(0, Math.floor(room / ROUND_TO_W) * ROUND_TO_W);
    if (self.granted() > 0 && allowed > self.granted() && allowed < self.granted() + RAISE_STEP_W) {
      allowed = self.granted(); // not worth a command
    }
    return new Decision(new ChargeAllowance(allowed, seen), meter, over);
  }

  /** Who read the meter last: this battery, else the freshest of the others. */
  private static Optional<Member> meterOf(Member self, List<Member> others) {
    if (self.last().meterPower().isPresent()) {
      return Optional.of(self);
    }
    return others.stream()
        .filter(o -> o.last().meterPower().isPresent())
        .max((a, b) -> a.reportedAt().compareTo(b.reportedAt()));
  }

  /** A battery allowed to start less than a poll ago that no report shows charging yet. */
  private static Optional<Member> startingNow(List<Member> others, Duration poll, Instant now) {
    return others.stream()
        .filter(o -> o.charging() && o.granted() > 0)
        .filter(o -> now.isBefore(o.grantedAt().plus(poll)) && !o.showsCharging())
        .findFirst();
  }
}
