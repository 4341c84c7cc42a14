package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Holds the batteries' grid charging under the import cap, from the fleet's last reports: the house
 * load is the meter's import plus what the batteries give (minus what they draw); a battery may
 * draw what the cap leaves after the house and after what the other charging batteries draw or
 * were allowed. Pure: the caller keeps the grants from one cycle to the next.
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

  /**
   * One battery as the cap sees it.
   *
   * @param last its last report
   * @param charging control wants it to charge from the grid
   * @param granted what it was last allowed while charging (0 when not charging)
   * @param grantedAt when that grant was first given
   */
  record Member(
      BatteryId id, BatteryStatus last, boolean charging, double granted, Instant grantedAt) {

    double drawW() {
      return Math.max(0, -last.acPower().value());
    }

    boolean showsCharging() {
      return last.acPower().value() <= -Conformity.STILL_WATTS
          && !last.observedAt().isBefore(grantedAt);
    }
  }

  /**
   * What one battery may draw, and what was seen.
   *
   * @param houseW the house without the batteries, when a meter reading was available
   * @param houseOver the house alone is above the cap: the batteries cannot help
   */
  record Decision(ChargeAllowance allowance, Optional<Watts> houseW, boolean houseOver) {}

  private ImportCap() {}

  /**
   * @param self the battery that just reported
   * @param others every other battery of the house
   * @param poll the poll interval: a battery started less than this ago may not show yet
   */
  static Decision decide(
      double limitW, Member self, List<Member> others, Duration poll, Instant now) {
    Optional<Watts> meter = meterOf(self, others);
    double batteries = self.last().acPower().value();
    double reserved = 0;
    for (Member other : others) {
      batteries += other.last().acPower().value();
      if (other.charging()) {
        reserved += Math.max(other.drawW(), other.granted());
      }
    }
    double given = batteries;
    Optional<Watts> house = meter.map(m -> Watts.of(Math.max(0, m.value() + given)));
    double houseW = house.map(Watts::value).orElse(0.0);
    double room = Math.floor((limitW - houseW - reserved) / ROUND_TO_W) * ROUND_TO_W;
    String seen =
        house
            .map(h -> "house " + h.rounded() + " W of " + Math.round(limitW) + " W")
            .orElse("no meter reading, batteries alone held under " + Math.round(limitW) + " W");
    boolean over = house.isPresent() && houseW > limitW;
    if (self.granted() <= 0 && self.drawW() < Conformity.STILL_WATTS) {
      Optional<Member> starting = startingNow(others, poll, now);
      if (starting.isPresent()) {
        return new Decision(
            new ChargeAllowance(0, "starts after battery " + starting.get().id() + ", " + seen),
            house,
            over);
      }
    }
    double allowed = Math.max(0, room);
    if (self.granted() > 0 && allowed > self.granted() && allowed < self.granted() + RAISE_STEP_W) {
      allowed = self.granted(); // not worth a command
    }
    return new Decision(new ChargeAllowance(allowed, seen), house, over);
  }

  /** The newest meter reading: this battery's own, else the freshest of the others. */
  private static Optional<Watts> meterOf(Member self, List<Member> others) {
    if (self.last().meterPower().isPresent()) {
      return self.last().meterPower();
    }
    return others.stream()
        .filter(o -> o.last().meterPower().isPresent())
        .max((a, b) -> a.last().observedAt().compareTo(b.last().observedAt()))
        .flatMap(o -> o.last().meterPower());
  }

  /** A battery allowed to start less than a poll ago that no report shows charging yet. */
  private static Optional<Member> startingNow(List<Member> others, Duration poll, Instant now) {
    return others.stream()
        .filter(o -> o.charging() && o.granted() > 0)
        .filter(o -> now.isBefore(o.grantedAt().plus(poll)) && !o.showsCharging())
        .findFirst();
  }
}
