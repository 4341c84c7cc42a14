package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The next hours of one battery as the selector will decide them, cut at every schedule change,
 * peak-hour edge and override end. Assumes today's state of charge throughout.
 */
final class ScheduleForecast {

  private ScheduleForecast() {}

  static List<ScheduleStep> ahead(
      DesiredStateSelector selector,
      OperatingSchedule schedule,
      BatteryId battery,
      Percent soc,
      List<ModeOverride> overrides,
      Instant now,
      Duration horizon,
      Function<Instant, Optional<DesiredState>> planned) {
    Instant end = now.plus(horizon);
    TreeSet<Instant> cuts = new TreeSet<>();
    for (Instant t = schedule.nextChange(now); t.isBefore(end); t = schedule.nextChange(t)) {
      cuts.add(t);
    }
    PeakHours peakHours = selector.peakHours();
    for (Instant t = peakHours.nextEdge(now); t.isBefore(end); t = peakHours.nextEdge(t)) {
      cuts.add(t);
    }
    overrides.stream()
        .map(ModeOverride::until)
        .filter(t -> t.isAfter(now) && t.isBefore(end))
        .forEach(cuts::add);
    for (Instant t = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        t.isBefore(end);
        t = t.plus(Duration.ofHours(1))) {
      cuts.add(t); // plans change on the hour
    }
    cuts.add(end);
    List<ScheduleStep> steps = new ArrayList<>();
    Instant from = now;
    for (Instant to : cuts) {
      DesiredState state = selector.select(battery, soc, overrides, from, planned.apply(from));
      if (!steps.isEmpty() && steps.getLast().state().equals(state)) {
        ScheduleStep last = steps.removeLast();
        steps.add(new ScheduleStep(last.from(), to, state));
      } else {
        steps.add(new ScheduleStep(from, to, state));
      }
      from = to;
    }
    return steps;
  }
}
