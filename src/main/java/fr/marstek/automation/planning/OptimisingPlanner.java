package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The tempo and oracle strategies: the exact optimum over the hours ahead. The oracle sees the
 * truth to its horizon and values nothing left over; tempo sees today and tomorrow (tariff days),
 * assumes the worst for an unpublished kind of day, fills up before critical (red) peaks and values
 * what is left at what it would cost to buy again, plus what buying it now saves over tomorrow
 * night when the day after may be red ({@link TempoOdds}), or at a peak's worth once no red day can
 * come. Prices and periods are read through the {@link Tariff} port.
 */
final class OptimisingPlanner implements Planner {

  private final boolean oracle;
  private final Instant horizonEnd;
  private final boolean nextHourOnly;

  /**
   * @param nextHourOnly return only the hour ahead of the plan (the same decision): a replay that
   *     re-plans every hour uses no more, and writing out the other hours was most of its time
   */
  OptimisingPlanner(boolean oracle, Instant horizonEnd, boolean nextHourOnly) {
    this.oracle = oracle;
    this.horizonEnd = horizonEnd;
    this.nextHourOnly = nextHourOnly;
  }

  @Override
  public Plan plan(PlanningInput in) {
    Tariff tariff = in.tariff();
    Instant end = oracle ? horizonEnd : tariff.dayEnd(tariff.dayOf(in.now()).plusDays(1));
    Horizon h = Horizon.build(in, end, !oracle);
    Fleet fleet = new Fleet(in.batteries());
    Limits limits = limits(in, h, fleet);
    // worked out once for the whole plan: its parts ask the same days' chances
    Optional<TempoOdds> odds = oracle ? Optional.empty() : TempoOdds.of(tariff);
    Keep keep =
        oracle
            ? Keep.nothing(fleet.totalUsable())
            : StockValue.of(in, h, fleet, limits.maxIn(), limits.maxOut(), odds).keep();
    Optional<Pending> pending = oracle ? Optional.empty() : Pending.of(h, odds);
    // a colour the plan learns within its hours: tomorrow's, still pending, or else the day's after
    // the horizon; the hours before are planned against its chances
    Optional<AfterReveal> reveal =
        pending
            .map(p -> new AfterReveal(p.reveal(), expected(in, h, fleet, p, odds)))
            .or(() -> oracle ? Optional.empty() : AfterReveal.of(in, h, fleet, limits, odds));
    double[] pooled =
        reveal.isPresent()
            ? EnergyDp.solve(
                limits.buy(),
                limits.maxIn(),
                limits.sell(),
                limits.maxOut(),
                fleet.totalUsable(),
                fleet.totalStored(),
                keep.end(),
                reveal.get().reveal(),
                reveal.get().atReveal())
            : EnergyDp.solve(
                limits.buy(),
                limits.maxIn(),
                limits.sell(),
                limits.maxOut(),
                fleet.totalUsable(),
                fleet.totalStored(),
                keep.end());
    return new Plan(
        in.now(),
        oracle ? Strategy.ORACLE : Strategy.TEMPO,
        slots(in, h, fleet, pooled, keep, limits.maxIn(), pending));
  }

  /**
   * Tomorrow's colour is not published yet, but will be by {@code reveal} (hours from now), before
   * the deadline after which tempo.md section 1.3 plans for the worst case: until then a stored
   * unit is worth what it would be worth under each colour tomorrow may take, weighed by its
   * chance. Planning the worst case here bought energy at today's peak price every morning for a
   * red or white day that mostly did not come, and sold it again at a loss once the colour was
   * known.
   */
  record Pending(
      int reveal,
      LocalDate day,
      // indexed as the tariff's kinds of day: read in the planner's loops
      @SuppressWarnings("ArrayRecordComponent") double[] chance) {

    static Optional<Pending> of(Horizon h, Optional<TempoOdds> odds) {
      if (odds.isEmpty() || h.assumed[0]) {
        return Optional.empty();
      }
      int first = -1;
      for (int t = 1; t < h.hours() && first < 0; t++) {
        first = h.assumed[t] ? t : -1;
      }
      LocalDateTime local = LocalDateTime.ofInstant(h.start[0], PARIS);
      OptionalLong toExpected = TempoOdds.hoursToPublication(local);
      if (first < 0 || toExpected.isEmpty()) {
        return Optional.empty();
      }
      int reveal = (int) Math.max(1, toExpected.getAsLong());
      if (reveal >= first) {
        return Optional.empty();
      }
      LocalDate day = h.day[first];
      return Optional.of(new Pending(reveal, day, odds.get().colourChances(day)));
    }
  }

  /**
   * The day after the horizon may be red, and its colour comes out at 11:00 on the horizon's last
   * day, before that day's afternoon and night: what those hours can charge is decided then, for a
   * red day only. So the stock a red day needs beyond them must be there at the reveal, not at the
   * horizon's end: valuing it at the end let the plan count the last night's room twice, once as
   * what the red day would still get and once as what fills the stock it needed before, and a heavy
   * house under an import cap entered a red Monday with a third of the batteries.
   */
  record AfterReveal(int reveal, ConvexValue atReveal) {

    static Optional<AfterReveal> of(
        PlanningInput in, Horizon h, Fleet fleet, Limits limits, Optional<TempoOdds> odds) {
      Optional<StockValue.RedAfter> red =
          StockValue.of(in, h, fleet, limits.maxIn(), limits.maxOut(), odds).redAfter();
      if (red.isEmpty()) {
        return Optional.empty();
      }
      LocalDate lastDay = h.day[h.hours() - 1];
      int reveal = -1;
      for (int t = 1; t < h.hours() && reveal < 0; t++) {
        LocalDateTime local = LocalDateTime.ofInstant(h.start[t], PARIS);
        reveal =
            h.day[t].equals(lastDay) && !local.toLocalTime().isBefore(TempoOdds.publication())
                ? t
                : -1;
      }
      if (reveal < 1) {
        return Optional.empty();
      }
      ConvexValue notRed =
          StockValue.of(in, h, fleet, limits.maxIn(), limits.maxOut(), odds)
              .afterNotRed()
              .keep()
              .end();
      ConvexValue ifRed =
          EnergyDp.costToGo(
              limits.buy(),
              limits.maxIn(),
              limits.sell(),
              limits.maxOut(),
              fleet.totalUsable(),
              red.get().onRedDay(notRed),
              reveal);
      ConvexValue ifNot =
          EnergyDp.costToGo(
              limits.buy(),
              limits.maxIn(),
              limits.sell(),
              limits.maxOut(),
              fleet.totalUsable(),
              notRed,
              reveal);
      double p = red.get().chance();
      return Optional.of(
          new AfterReveal(
              reveal, ConvexValue.mix(new double[] {p, 1 - p}, new ConvexValue[] {ifRed, ifNot})));
    }
  }

  /** The cost-to-go at the reveal: the mean over the kinds (colours) tomorrow may take. */
  private ConvexValue expected(
      PlanningInput in, Horizon h, Fleet fleet, Pending pending, Optional<TempoOdds> odds) {
    List<DayKind> kinds = in.tariff().kinds();
    List<ConvexValue> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int c = 0; c < kinds.size(); c++) {
      double p = pending.chance()[c];
      if (p <= 0) {
        continue;
      }
      Horizon outcome = h.withOutcome(in, kinds.get(c));
      Limits limits = limits(in, outcome, fleet);
      Keep keep = StockValue.of(in, outcome, fleet, limits.maxIn(), limits.maxOut(), odds).keep();
      values.add(
          EnergyDp.costToGo(
              limits.buy(),
              limits.maxIn(),
              limits.sell(),
              limits.maxOut(),
              fleet.totalUsable(),
              keep.end(),
              pending.reveal()));
      weights.add(p);
    }
    double[] w = new double[weights.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.get(i);
    }
    return ConvexValue.mix(w, values.toArray(ConvexValue[]::new));
  }

  /**
   * What a stored unit left after the horizon is worth, as a function of how much is left, and the
   * day after the horizon when that value counts on it turning red.
   */
  record Keep(ConvexValue end, Optional<LocalDate> possibleRed, Optional<Stocking> stocking) {
    static Keep nothing(double width) {
      return new Keep(ConvexValue.linear(width, 0), Optional.empty(), Optional.empty());
    }
  }

  /**
   * Why energy is kept beyond the horizon although no red day is known: one night refills only
   * {@code nightUnits} of the {@code redDayUnits} a red day's peak can use (stored units), so a red
   * day from {@code from} on is stocked for over several nights.
   */
  record Stocking(LocalDate from, double nightUnits, double redDayUnits) {}

  /** Per hour, in stored units: cost to charge, most in, value out, most out. */
  // plain arrays, handed as they are to EnergyDp's hot loops; never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Limits(double[] buy, double[] maxIn, double[] sell, double[] maxOut) {}

  private Limits limits(PlanningInput in, Horizon h, Fleet fleet) {
    int hours = h.hours();
    double[] buy = new double[hours];
    double[] maxIn = new double[hours];
    double[] sell = new double[hours];
    double[] maxOut = new double[hours];
    double etaIn = fleet.chargeEfficiency;
    double etaOut = fleet.dischargeEfficiency;
    double outAc = fleet.totalMaxOutAc();
    double refill =
        in.tariff()
            .pricesAt(in.now())
            .map(g -> g.cheapestOffPeak().eurPerKwh() / etaIn / 1000)
            .orElse(Double.NaN);
    // read once, when a red peak bought for at a thin margin needs it
    double recent = Double.NaN;
    for (int t = 0; t < hours; t++) {
      if (!h.isPlannable(t)) {
        continue;
      }
      // a red peak is planned on the forecast itself, already the highest of the past weeks: a
      // margin above it made a small house buy, on the red nights of a run, what it did not use
      double load = h.load[t];
      if (!oracle
          && h.kind[t] != null
          && h.kind[t].isCritical()
          && !h.offPeak[t]
          && thinMargin(in, h, t, etaIn, etaOut, refill)) {
        // a kWh bought tonight earns less on this peak than it loses when the house does not use
        // it: plan no more than the house drew over the last day either (a house empty for a week
        // draws a fraction of what the same weekdays of past weeks said)
        if (Double.isNaN(recent)) {
          recent = in.forecast().recentWatts().orElse(Double.POSITIVE_INFINITY);
        }
        load = Math.min(load, recent);
      }
      buy[t] = h.price[t] / etaIn / 1000;
      // the import cap leaves room for charging only above what the house is expected to draw;
      // when the house takes it after all, the control loop holds the charge under the cap
      maxIn[t] = Math.min(fleet.totalMaxIn(), h.room[t] * etaIn);
      sell[t] = (h.price[t] - in.wearEurPerKwh()) * etaOut / 1000;
      maxOut[t] = Math.min(outAc, Math.max(0, load)) / etaOut;
    }
    return new Limits(buy, maxIn, sell, maxOut);
  }

  /**
   * Whether a stored unit bought on the night before peak hour {@code t} gains less when the peak
   * uses it, (peak price - wear) x efficiency - the night's cost, than it loses when the peak does
   * not, the night's cost - the cheapest refill (a blue night) it could have waited for. Then a
   * guess above the house's use costs more than one below it, so the plan buys for the likely use,
   * not for the most the house drew in past weeks. With Tempo's prices only a red night before a
   * red day with a red peak near the night's price: at 0.25 EUR/kWh and 0.05 of wear, 1.5 cent
   * gained against 2.8 lost. False when the night is not in the horizon.
   */
  private static boolean thinMargin(
      PlanningInput in, Horizon h, int t, double etaIn, double etaOut, double refill) {
    int night = t;
    while (night >= 0 && !h.offPeak[night]) {
      night--;
    }
    if (night < 0 || Double.isNaN(h.price[night]) || Double.isNaN(refill)) {
      return false;
    }
    double cost = h.price[night] / etaIn / 1000;
    double gain = (h.price[t] - in.wearEurPerKwh()) * etaOut / 1000 - cost;
    return gain < cost - refill;
  }

  private List<BatteryPlan> slots(
      PlanningInput in,
      Horizon h,
      Fleet fleet,
      double[] pooled,
      Keep keep,
      double[] maxIn,
      Optional<Pending> pending) {
    int n = fleet.batteries.size();
    List<List<PlanSlot>> perBattery = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perBattery.add(new ArrayList<>());
    }
    Reasons reasons = new Reasons(in, h, pooled, fleet.totalUsable(), keep, pending);
    int written = nextHourOnly ? 1 : h.hours();
    for (int t = 0; t < written; t++) {
      // from what the batteries really hold, so a share one battery could not take is retried
      double[] parts = fleet.share(pooled[t + 1] - fleet.totalStored());
      Phrase why = reasons.forHour(t);
      // the plan wants all the room the cap is expected to leave: it would buy more at this price,
      // so it takes whatever room the hour really has (the control loop holds it under the cap)
      boolean takeAllRoom =
          !oracle
              && maxIn[t] < fleet.totalMaxIn() - 1
              && pooled[t + 1] - pooled[t] >= maxIn[t] - 1
              && maxIn[t] > 1;
      for (int i = 0; i < n; i++) {
        BatteryLimits limits = fleet.batteries.get(i).limits();
        double eta = limits.oneWayEfficiency();
        Action action = Actions.of(parts[i] / eta, -parts[i] * eta);
        if (takeAllRoom && action instanceof Action.ChargeFromGrid) {
          action = new Action.ChargeFromGrid(limits.maxCharge());
        }
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
