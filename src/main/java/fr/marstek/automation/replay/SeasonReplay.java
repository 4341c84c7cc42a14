package fr.marstek.automation.replay;

import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.LoadForecast;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.PlanningInput;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.planning.WeekdayHourForecast;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Runs one season hour by hour. Causal strategies are planned every hour from what was known then
 * (colours published up to that hour, load measured before it); the oracle plans once with the
 * truth. Tempo days with an hour of load missing are left out for every strategy, and counted.
 */
final class SeasonReplay {

  private static final int FORECAST_WEEKS = 4;

  private final TempoCalendar truth;
  private final LoadSeries load;
  private final TempoPrices prices;
  private final LocalTime publication;
  private final BatteryLimits limits;

  SeasonReplay(
      TempoCalendar truth,
      LoadSeries load,
      TempoPrices prices,
      LocalTime publication,
      BatteryLimits limits) {
    this.truth = truth;
    this.load = load;
    this.prices = prices;
    this.publication = publication;
    this.limits = limits;
  }

  ReplayResult run(ReplayCase c) {
    Hours hours = hoursOf(c.season());
    SimulatedFleet fleet = new SimulatedFleet(c.batteries(), limits);
    Plan oraclePlan = c.strategy() == Strategy.ORACLE ? oraclePlan(hours, fleet, c) : null;
    Planner planner = c.strategy() == Strategy.ORACLE ? null : Planner.of(c.strategy());
    double grid = 0;
    double cost = 0;
    double none = 0;
    for (int t = 0; t < hours.size(); t++) {
      if (!hours.covered[t]) {
        continue;
      }
      Instant now = hours.start[t];
      List<Action> actions =
          oraclePlan != null ? actionsAt(oraclePlan, fleet, now) : plan(planner, now, fleet, c);
      double imported = fleet.runHour(actions, hours.load[t]);
      grid += imported;
      cost += imported * hours.price[t] / 1000;
      none += hours.load[t] * hours.price[t] / 1000;
    }
    double wear = fleet.dischargedAcWh() / 1000 * c.wearEurPerKwh();
    double left = leftOverValue(fleet, hours);
    return new ReplayResult(
        c,
        hours.daysCovered,
        hours.daysExcluded,
        grid / 1000,
        cost,
        wear,
        left,
        none,
        fleet.cycles());
  }

  /**
   * What the energy still in the batteries after the season's last hour is worth: the next season
   * starts on 1 September, always blue, so it spares buying as much at the blue off-peak price on
   * its first night. Without this, a strategy that charged on the last night for the next day (as a
   * real service would) was counted as having thrown that energy away.
   */
  private double leftOverValue(SimulatedFleet fleet, Hours hours) {
    double blueOffPeak =
        prices
            .gridAt(hours.start[hours.size() - 1])
            .orElseThrow()
            .price(TempoColour.BLUE, true)
            .eurPerKwh();
    return fleet.acToStore(fleet.storedWh()) / 1000 * blueOffPeak;
  }

  private List<Action> plan(Planner planner, Instant now, SimulatedFleet fleet, ReplayCase c) {
    LoadForecast forecast =
        new WeekdayHourForecast(
            past -> past.plusSeconds(3600).isAfter(now) ? OptionalDouble.empty() : load.watts(past),
            now,
            FORECAST_WEEKS);
    PlanningInput input =
        new PlanningInput(
            now,
            fleet.states(),
            truth.knownAt(now, publication),
            prices,
            forecast,
            c.wearEurPerKwh());
    return actionsAt(planner.plan(input), fleet, now);
  }

  private Plan oraclePlan(Hours hours, SimulatedFleet fleet, ReplayCase c) {
    Instant first = hours.start[0];
    Instant end = hours.start[hours.size() - 1].plusSeconds(3600);
    LoadForecast actual =
        at -> {
          int t = (int) ((at.getEpochSecond() - first.getEpochSecond()) / 3600);
          return t >= 0 && t < hours.size() && hours.covered[t]
              ? OptionalDouble.of(hours.load[t])
              : OptionalDouble.empty();
        };
    PlanningInput input =
        new PlanningInput(first, fleet.states(), truth, prices, actual, c.wearEurPerKwh());
    return Planner.oracle(end).plan(input);
  }

  private static List<Action> actionsAt(Plan plan, SimulatedFleet fleet, Instant now) {
    List<Action> actions = new ArrayList<>(fleet.size());
    for (var battery : plan.batteries()) {
      var slots = battery.slots();
      int index = (int) ((now.getEpochSecond() - slots.get(0).start().getEpochSecond()) / 3600);
      actions.add(slots.get(index).action());
    }
    return actions;
  }

  private Hours hoursOf(TempoSeason season) {
    Instant first = TempoDays.start(season.firstDay());
    Instant end = TempoDays.end(season.lastDay());
    int size = (int) ((end.getEpochSecond() - first.getEpochSecond()) / 3600);
    Hours h = new Hours(size);
    int t = 0;
    for (LocalDate day = season.firstDay(); !day.isAfter(season.lastDay()); day = day.plusDays(1)) {
      int dayStart = t;
      boolean covered = truth.colourOf(day).isKnown();
      for (Instant at = TempoDays.start(day);
          at.isBefore(TempoDays.end(day));
          at = at.plusSeconds(3600)) {
        h.start[t] = at;
        OptionalDouble w = load.watts(at);
        covered &= w.isPresent();
        h.load[t] = w.orElse(0);
        h.price[t] = covered ? priceAt(at, day) : 0;
        t++;
      }
      for (int k = dayStart; k < t; k++) {
        h.covered[k] = covered;
      }
      if (covered) {
        h.daysCovered++;
      } else {
        h.daysExcluded++;
      }
    }
    return h;
  }

  private double priceAt(Instant at, LocalDate day) {
    return prices
        .gridAt(at)
        .orElseThrow(() -> new IllegalArgumentException("no price grid at " + at))
        .price(truth.colourOf(day), TempoDays.isOffPeak(at))
        .eurPerKwh();
  }

  private static final class Hours {
    final Instant[] start;
    final double[] load;
    final double[] price;
    final boolean[] covered;
    int daysCovered;
    int daysExcluded;

    Hours(int size) {
      start = new Instant[size];
      load = new double[size];
      price = new double[size];
      covered = new boolean[size];
    }

    int size() {
      return start.length;
    }
  }
}
