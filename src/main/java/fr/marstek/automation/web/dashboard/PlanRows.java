package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ModeName;
import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.PlanSlot;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One battery's schedule over the next 24 hours (what control will ask, and why) and, with the
 * Tempo strategy, the plan's hourly slots over the plan's whole horizon: to the end of tomorrow's
 * Tempo day, 24 to 48 hours, so that tomorrow's colour is in the chart once it is known.
 */
public record PlanRows(String battery, List<Step> steps, List<Slot> slots) {

  /** A stretch of time in one mode. */
  public record Step(Instant from, Instant to, String mode, String cause, Phrase reason) {}

  /**
   * One planned hour.
   *
   * @param action CHARGE_FROM_GRID, COVER_HOUSE or HOLD, also the message key's suffix
   */
  public record Slot(
      Instant from, Instant to, String action, Integer powerW, int targetSoc, Phrase reason) {}

  static final Duration AHEAD = Duration.ofHours(24);

  /** The plan ends with tomorrow's Tempo day (06:00 the day after), at most 48 hours ahead. */
  static final Duration PLAN_AHEAD = Duration.ofDays(2);

  static List<PlanRows> of(
      List<BatteryHealth> fleet, Automation automation, Optional<Plan> plan, Instant now) {
    return fleet.stream()
        .map(
            h -> {
              Percent soc = h.lastStatus().map(s -> s.soc()).orElse(Percent.of(50));
              List<Step> steps =
                  automation.schedule(h.id(), soc, AHEAD).stream()
                      .map(
                          s ->
                              new Step(
                                  s.from(),
                                  s.to(),
                                  ModeName.of(s.state().intent()).name(),
                                  s.state().cause().name(),
                                  s.state().reason()))
                      .toList();
              return new PlanRows(h.id().value(), steps, slots(plan, h.id().value(), now));
            })
        .toList();
  }

  private static List<Slot> slots(Optional<Plan> plan, String battery, Instant now) {
    Instant end = now.plus(PLAN_AHEAD);
    return plan.stream()
        .flatMap(p -> p.batteries().stream())
        .filter(b -> b.battery().equals(battery))
        .flatMap(b -> b.slots().stream())
        .filter(s -> s.end().isAfter(now) && s.start().isBefore(end))
        .map(PlanRows::slot)
        .toList();
  }

  private static Slot slot(PlanSlot s) {
    return switch (s.action()) {
      case Action.ChargeFromGrid c -> slot(s, "CHARGE_FROM_GRID", c.power().rounded());
      case Action.CoverHouse c -> slot(s, "COVER_HOUSE", c.upTo().rounded());
      case Action.Hold h -> slot(s, "HOLD", null);
    };
  }

  private static Slot slot(PlanSlot s, String action, Integer power) {
    return new Slot(
        s.start(), s.end(), action, power, (int) Math.round(s.targetSoc().value()), s.reason());
  }
}
