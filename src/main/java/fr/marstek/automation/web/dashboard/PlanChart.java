package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Plan page as a picture: each battery's planned state of charge hour by hour, one line each in
 * one chart (three charts did not fit two phone screens once the plan ran to 48 hours), over the
 * Tempo colour and price of each hour, and the plan's reasons said once each with the hours and
 * batteries they apply to (the same reason used to be printed once per hour and battery).
 *
 * @param hours the hours ahead, the same for every battery
 * @param lines each battery's planned state of charge
 * @param reasons each distinct reason with where it applies
 */
public record PlanChart(List<Hour> hours, List<Line> lines, List<Reason> reasons) {

  /** Width and height of the SVG's drawing, in its own units; the page scales it. */
  public static final int WIDTH = 480;

  public static final int HEIGHT = 120;

  /**
   * One hour of the plan's horizon.
   *
   * @param colour BLUE, WHITE, RED or UNKNOWN, the CSS class of its band
   * @param eurPerKwh the price of that hour, null when the colour is unknown
   */
  public record Hour(Instant from, String colour, boolean offPeak, Double eurPerKwh) {}

  /**
   * One battery's plan.
   *
   * @param socs the planned state of charge at the end of each hour, null where there is no plan
   * @param charging true for the hours it charges from the grid
   */
  public record Line(String battery, List<Integer> socs, List<Boolean> charging) {}

  /**
   * A reason and where it applies.
   *
   * @param batteries the batteries, such as [1, 2, 3]
   * @param from the first hour it applies to
   * @param hours how many different hours it applies to
   */
  public record Reason(Phrase reason, List<String> batteries, Instant from, int hours) {}

  static PlanChart of(List<PlanRows> plans, TempoColours colours, Tariff tariff) {
    List<Instant> starts =
        plans.stream()
            .flatMap(p -> p.slots().stream())
            .map(PlanRows.Slot::from)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
            .stream()
            .toList();
    List<Hour> hours = new ArrayList<>();
    for (Instant from : starts) {
      TempoColour colour = colours.colourOf(TempoDays.tempoDayOf(from));
      boolean offPeak = tariff.isOffPeak(from);
      // empty while the day's colour is unknown: no price rather than the blue one
      Double price = tariff.periodAt(from).map(p -> p.price().eurPerKwh()).orElse(null);
      hours.add(new Hour(from, colour.name(), offPeak, price));
    }
    List<Line> lines = new ArrayList<>();
    // keyed by the phrase itself: the same reason for another battery or hour joins it
    Map<String, Phrase> phrases = new LinkedHashMap<>();
    Map<String, Set<String>> batteries = new LinkedHashMap<>();
    Map<String, Set<Instant>> when = new LinkedHashMap<>();
    for (PlanRows plan : plans) {
      List<Integer> socs = new ArrayList<>();
      List<Boolean> charging = new ArrayList<>();
      for (Instant from : starts) {
        var slot = plan.slots().stream().filter(s -> s.from().equals(from)).findFirst();
        socs.add(slot.map(PlanRows.Slot::targetSoc).orElse(null));
        charging.add(slot.map(s -> s.action().equals("CHARGE_FROM_GRID")).orElse(false));
        if (slot.isPresent() && slot.get().reason() != null) {
          String key = slot.get().reason().toString();
          phrases.putIfAbsent(key, slot.get().reason());
          batteries.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(plan.battery());
          when.computeIfAbsent(key, k -> new TreeSet<>()).add(from);
        }
      }
      lines.add(new Line(plan.battery(), socs, charging));
    }
    List<Reason> reasons = new ArrayList<>();
    phrases.forEach(
        (key, phrase) ->
            reasons.add(
                new Reason(
                    phrase,
                    List.copyOf(batteries.get(key)),
                    when.get(key).iterator().next(),
                    when.get(key).size())));
    return new PlanChart(List.copyOf(hours), List.copyOf(lines), List.copyOf(reasons));
  }

  /** The x of an hour's left edge in the drawing. */
  public double x(int hour) {
    return hours.isEmpty() ? 0 : (double) WIDTH * hour / hours.size();
  }

  /** An hour band's width in the drawing. */
  public double band() {
    return hours.isEmpty() ? WIDTH : (double) WIDTH / hours.size();
  }

  /** The SVG points of a battery's planned state of charge (0 % at the bottom, 100 % at top). */
  public String points(Line line) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < line.socs().size(); i++) {
      Integer soc = line.socs().get(i);
      if (soc != null) {
        double y = HEIGHT - HEIGHT * Math.clamp(soc, 0, 100) / 100.0;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i) + band(), y));
      }
    }
    return points.toString().trim();
  }

  /** The hours at which to label the time axis: every sixth. */
  public List<Integer> ticks() {
    List<Integer> ticks = new ArrayList<>();
    for (int i = 0; i < hours.size(); i += 6) {
      ticks.add(i);
    }
    return ticks;
  }

  /** True when a battery charges from the grid in that hour: marked under the chart. */
  public boolean charging(int hour) {
    return lines.stream().anyMatch(l -> Boolean.TRUE.equals(l.charging().get(hour)));
  }

  /** The distinct colours ahead, in order: one legend line each, with its periods' prices. */
  public List<String> legendColours() {
    return legend().stream().map(Hour::colour).distinct().toList();
  }

  /** The distinct colours and periods ahead with their price, for the legend. */
  public List<Hour> legend() {
    Map<String, Hour> seen = new LinkedHashMap<>();
    for (Hour h : hours) {
      seen.putIfAbsent(h.colour() + h.offPeak(), h);
    }
    return List.copyOf(seen.values());
  }
}
