package fr.marstek.automation.planning;

import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The "none" strategy: batteries stay idle, the baseline every other strategy is measured by. */
final class IdlePlanner implements Planner {

  private static final Phrase WHY = Phrase.of("reason.idle");

  @Override
  public Plan plan(PlanningInput in) {
    Instant start = in.now().truncatedTo(ChronoUnit.HOURS);
    List<BatteryPlan> plans =
        in.batteries().stream()
            .map(
                b ->
                    new BatteryPlan(
                        b.name(),
                        List.of(
                            new PlanSlot(
                                start, start.plusSeconds(3600), new Action.Hold(), b.soc(), WHY))))
            .toList();
    return new Plan(in.now(), Strategy.NONE, plans);
  }
}
