package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The tempo and oracle strategies: the exact optimum over the hours ahead. The oracle sees the
 * truth to its horizon and values nothing left over; tempo sees today and tomorrow, assumes the
 * worst for an unknown colour, fills up before red peaks and values what is left at what it would
 * cost to buy again (or at a peak's worth once no red day can come this season).
 */
final class OptimisingPlanner implements Planner {

  // Just under the refill cost, so that energy is never bought for storage without a strict gain.
  private static final double KEEP_DISCOUNT = 0.999;

  private final boolean oracle;
  private final Instant horizonEnd;

  OptimisingPlanner(boolean oracle, Instant horizonEnd) {
    this.oracle = oracle;
    this.horizonEnd = horizonEnd;
  }

  @Override
  public Plan plan(PlanningInput in) {
    Instant end = oracle ? horizonEnd : TempoDays.end(TempoDays.tempoDayOf(in.now()).plusDays(1));
    Horizon h = Horizon.build(in, end, !oracle);
    Fleet fleet = new Fleet(in.batteries());
    double[] pooled = solve(in, h, fleet);
    return new Plan(
        in.now(), oracle ? Strategy.ORACLE : Strategy.TEMPO, slots(in, h, fleet, pooled));
  }

  private double[] solve(PlanningInput in, Horizon h, Fleet fleet) {
    int hours = h.hours();
    double[] buy = new double[hours];
    double[] maxIn = new double[hours];
    double[] sell = new double[hours];
    double[] maxOut = new double[hours];
    double etaIn = fleet.chargeEfficiency;
    double etaOut = fleet.dischargeEfficiency;
    double outAc = fleet.totalMaxOutAc();
    for (int t = 0; t < hours; t++) {
      if (!h.isPlannable(t)) {
        continue;
      }
      double load = h.load[t];
      if (!oracle && h.colour[t] == TempoColour.RED && !h.offPeak[t]) {
        load = Math.max(load, outAc); // a red peak kWh is worth four of its cost: never undershoot
      }
      buy[t] = h.price[t] / etaIn / 1000;
      maxIn[t] = fleet.totalMaxIn();
      sell[t] = (h.price[t] - in.wearEurPerKwh()) * etaOut / 1000;
      maxOut[t] = Math.min(outAc, Math.max(0, load)) / etaOut;
    }
    double endValue = oracle ? 0 : keepValue(in, h, etaIn, etaOut) / 1000;
    return EnergyDp.solve(
        buy, maxIn, sell, maxOut, fleet.totalUsable(), fleet.totalStored(), endValue);
  }

  private static double keepValue(PlanningInput in, Horizon h, double etaIn, double etaOut) {
    TempoPriceGrid grid = in.prices().gridAt(in.now()).orElse(null);
    if (grid == null) {
      return 0;
    }
    LocalDate lastDay = h.day[h.hours() - 1];
    if (in.calendar().redPossibleAfter(lastDay)) {
      return KEEP_DISCOUNT * grid.cheapestOffPeak().eurPerKwh() / etaIn;
    }
    return Math.max(0, grid.cheapestPeak().eurPerKwh() - in.wearEurPerKwh()) * etaOut;
  }

  private List<BatteryPlan> slots(PlanningInput in, Horizon h, Fleet fleet, double[] pooled) {
    int n = fleet.batteries.size();
    List<List<PlanSlot>> perBattery = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perBattery.add(new ArrayList<>(h.hours()));
    }
    Reasons reasons = new Reasons(in, h, pooled, fleet.totalUsable());
    for (int t = 0; t < h.hours(); t++) {
      // from what the batteries really hold, so a share one battery could not take is retried
      double[] parts = fleet.share(pooled[t + 1] - fleet.totalStored());
      Reason why = reasons.forHour(t);
      for (int i = 0; i < n; i++) {
        BatteryLimits limits = fleet.batteries.get(i).limits();
        double eta = limits.oneWayEfficiency();
        Action action = Actions.of(parts[i] / eta, -parts[i] * eta);
        if (!oracle && action instanceof Action.CoverHouse) {
          // the forecast is only a guess: when it pays to discharge, follow the real load
          action = new Action.CoverHouse(limits.maxDischarge());
        }
        fleet.stored[i] = Math.max(0, Math.min(fleet.usable[i], fleet.stored[i] + parts[i]));
        perBattery
            .get(i)
            .add(
                new PlanSlot(
                    h.start[t],
                    h.start[t].plusSeconds(3600),
                    action,
                    limits.socOf(fleet.stored[i]),
                    why));
      }
    }
    List<BatteryPlan> plans = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      plans.add(new BatteryPlan(fleet.batteries.get(i).name(), perBattery.get(i)));
    }
    return plans;
  }
}
