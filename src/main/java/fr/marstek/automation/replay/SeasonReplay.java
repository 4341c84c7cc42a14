package fr.marstek.automation.replay;

import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.LoadForecast;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.PlanningInput;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs one season hour by hour. Causal strategies are planned every hour from what was known then
 * (colours published up to that hour, load measured before it); the oracle plans once with the
 * truth. Hours without load keep their place: every strategy's batteries stay idle through them and
 * they are left out of every cost, so energy is carried across a gap as time really passes.
 */
final class SeasonReplay {

  private static final int FORECAST_WEEKS = 4;
  private static final List<Action> IDLE = List.of();

  private final TempoCalendar truth;
  private final LoadSeries load;
  private final TempoPrices prices;
  private final LocalTime publication;
  private final BatteryLimits limits;
  private final double maxGridW;
  private final Map<TempoSeason, SeasonHours> seasons = new HashMap<>();

  /**
   * @param maxGridW the most the house may import in an hour (mean W), as the live import cap; an
   *     infinite value for none
   */
  SeasonReplay(
      TempoCalendar truth,
      LoadSeries load,
      TempoPrices prices,
      LocalTime publication,
      BatteryLimits limits,
      double maxGridW) {
    this.truth = truth;
    this.load = load;
    this.prices = prices;
    this.publication = publication;
    this.limits = limits;
    this.maxGridW = maxGridW;
  }

  ReplayResult run(ReplayCase c) {
    SeasonHours hours =
        seasons.computeIfAbsent(
            c.season(), s -> SeasonHours.read(s, truth, load, prices, FORECAST_WEEKS, maxGridW));
    SimulatedFleet fleet = new SimulatedFleet(c.batteries(), limits);
    Plan oraclePlan = c.strategy() == Strategy.ORACLE ? oraclePlan(hours, fleet, c) : null;
    Planner planner = c.strategy() == Strategy.ORACLE ? null : Planner.nextHourOf(c.strategy());
    Imports imports = new Imports(maxGridW);
    double cost = 0;
    double none = 0;
    for (int t = 0; t < hours.size(); t++) {
      if (!hours.isMeasured(t)) {
        continue; // no load known: every strategy's batteries idle, nothing counted
      }
      Instant now = hours.start[t];
      List<Action> actions;
      if (oraclePlan != null) {
        actions = actionsAt(oraclePlan, fleet, now);
      } else if (c.strategy() == Strategy.NONE) {
        actions = IDLE; // the idle planner holds every battery every hour: nothing to plan
      } else {
        actions = plan(planner, now, fleet, c, hours);
      }
      double imported = fleet.runHour(actions, hours.load[t], maxGridW);
      imports.add(imported, hours.load[t]);
      cost += imported * hours.price[t] / 1000;
      none += hours.load[t] * hours.price[t] / 1000;
    }
    double wear = fleet.dischargedAcWh() / 1000 * c.wearEurPerKwh();
    double left = leftOverValue(fleet, hours);
    return new ReplayResult(
        c,
        new ReplayResult.Coverage(hours.daysCovered, hours.daysExcluded, hours.hoursMissing),
        imports.totalWh / 1000,
        cost,
        wear,
        left,
        none,
        fleet.cycles(),
        imports.summary());
  }

  /** Hourly grid import: the total, the highest hour and the hours above the cap. */
  private static final class Imports {
    final double cap;
    double totalWh;
    double peakW;
    int hoursOver;
    int hoursHouseOver;

    Imports(double cap) {
      this.cap = cap;
    }

    void add(double importedWh, double houseWh) {
      totalWh += importedWh;
      peakW = Math.max(peakW, importedWh);
      if (importedWh > cap + 0.5) {
        hoursOver++;
        if (houseWh > cap + 0.5) {
          hoursHouseOver++;
        }
      }
    }

    ReplayResult.Peak summary() {
      return new ReplayResult.Peak(peakW, hoursOver, hoursHouseOver);
    }
  }

  /**
   * What the energy still in the batteries after the season's last hour is worth: the next season
   * starts on 1 September, always blue, so it spares buying as much at the blue off-peak price on
   * its first night. Without this, a strategy that charged on the last night for the next day (as a
   * real service would) was counted as having thrown that energy away.
   */
  private double leftOverValue(SimulatedFleet fleet, SeasonHours hours) {
    double blueOffPeak =
        prices
            .gridAt(hours.start[hours.size() - 1])
            .orElseThrow()
            .price(TempoColour.BLUE, true)
            .eurPerKwh();
    return fleet.acToStore(fleet.storedWh()) / 1000 * blueOffPeak;
  }

  private List<Action> plan(
      Planner planner, Instant now, SimulatedFleet fleet, ReplayCase c, SeasonHours hours) {
    PlanningInput input =
        new PlanningInput(
            now,
            fleet.states(),
            new TempoTariff(truth.knownAt(now, publication), prices),
            hours.forecastAt(now, load, FORECAST_WEEKS),
            c.wearEurPerKwh(),
            maxGridW);
    return actionsAt(planner.plan(input), fleet, now);
  }

  private Plan oraclePlan(SeasonHours hours, SimulatedFleet fleet, ReplayCase c) {
    Instant first = hours.start[0];
    Instant end = hours.start[hours.size() - 1].plusSeconds(3600);
    LoadForecast actual =
        at -> {
          int t = (int) ((at.getEpochSecond() - first.getEpochSecond()) / 3600);
          return t >= 0 && t < hours.size() && hours.isMeasured(t)
              ? OptionalDouble.of(hours.load[t])
              : OptionalDouble.empty();
        };
    PlanningInput input =
        new PlanningInput(
            first,
            fleet.states(),
            new TempoTariff(truth, prices),
            actual,
            c.wearEurPerKwh(),
            maxGridW);
    return Planner.oracle(end).plan(input);
  }

  private static List<Action> actionsAt(Plan plan, SimulatedFleet fleet, Instant now) {
    List<Action> actions = new ArrayList<>(fleet.size());
    for (var battery : plan.batteries()) {
      var slots = battery.slots();
      int index = (int) ((now.getEpochSecond() - slots.get(0).start().getEpochSecond()) / 3600);
      actions.add(slots.get(index).action());
    }
    return actions.isEmpty() ? IDLE : actions;
  }
}
