package fr.marstek.automation.planning;

import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The seed's schedule: off-peak charge to full at full power, peak hours cover the house. */
final class FixedPlanner implements Planner {

  private static final Phrase CHARGE = Phrase.of("reason.fixed.charging");
  private static final Phrase COVER = Phrase.of("reason.fixed.covers");
  private static final Phrase FULL = Phrase.of("reason.fixed.full");

  @Override
  public Plan plan(PlanningInput in) {
    Instant start = in.now().truncatedTo(ChronoUnit.HOURS);
    boolean offPeak = in.tariff().isOffPeak(start);
    List<BatteryPlan> plans = new ArrayList<>();
    for (BatteryState b : in.batteries()) {
      BatteryLimits limits = b.limits();
      double eta = limits.oneWayEfficiency();
      double stored = b.storedWh();
      PlanSlot slot;
      if (offPeak) {
        double in1h = Math.min(limits.usableWh() - stored, limits.maxCharge().value() * eta);
        Action action = Actions.of(in1h / eta, 0);
        slot =
            new PlanSlot(
                start,
                start.plusSeconds(3600),
                action,
                limits.socOf(stored + Math.max(0, in1h)),
                action instanceof Action.Hold ? FULL : CHARGE);
      } else {
        double out1h = Math.min(stored * eta, limits.maxDischarge().value());
        Action action = Actions.of(0, out1h);
        slot =
            new PlanSlot(
                start, start.plusSeconds(3600), action, limits.socOf(stored - out1h / eta), COVER);
      }
      plans.add(new BatteryPlan(b.name(), List.of(slot)));
    }
    return new Plan(in.now(), Strategy.FIXED, plans);
  }
}
