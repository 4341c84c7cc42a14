package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.BatteryState;
import fr.marstek.automation.planning.LoadHistory;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.PlanningInput;
import fr.marstek.automation.planning.WeekdayHourForecast;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keeps the fleet's current plan: made again when it is older than a few minutes, so that a new
 * colour, a new state of charge or a new hour are taken into account within one control cycle.
 */
final class PlanKeeper {

  static final Duration FRESH_FOR = Duration.ofMinutes(5);
  private static final int FORECAST_WEEKS = 4;

  private final Planner planner;
  private final TempoKnowledge tempo;
  private final TempoPrices prices;
  private final LoadHistory loadHistory;
  private volatile ControlSettings settings;
  private volatile ImportCapSettings importCap;
  private volatile Plan current;

  PlanKeeper(
      Planner planner,
      TempoKnowledge tempo,
      TempoPrices prices,
      LoadHistory loadHistory,
      ControlSettings settings) {
    this(planner, tempo, prices, loadHistory, settings, ImportCapSettings.none());
  }

  PlanKeeper(
      Planner planner,
      TempoKnowledge tempo,
      TempoPrices prices,
      LoadHistory loadHistory,
      ControlSettings settings,
      ImportCapSettings importCap) {
    this.importCap = importCap;
    this.planner = planner;
    this.tempo = tempo;
    this.prices = prices;
    this.loadHistory = loadHistory;
    this.settings = settings;
  }

  /** New limits or wear cost: the next plan is made with them at once. */
  synchronized void use(ControlSettings next) {
    settings = next;
    current = null;
  }

  /** A new import cap: the next plan charges within it. */
  synchronized void use(ImportCapSettings next) {
    importCap = next;
    current = null;
  }

  /** The plan for {@code now}, made again from the given states of charge when stale. */
  synchronized Plan planFor(Instant now, Map<BatteryId, Percent> socs) {
    Plan plan = current;
    if (plan == null
        || !now.isBefore(plan.madeAt().plus(FRESH_FOR))
        || now.isBefore(plan.madeAt())
        || plan.batteries().size() != socs.size()) {
      plan = planner.plan(input(now, socs));
      current = plan;
    }
    return plan;
  }

  private PlanningInput input(Instant now, Map<BatteryId, Percent> socs) {
    List<BatteryState> states =
        socs.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new BatteryState(e.getKey().value(), e.getValue(), limitsOf(e.getKey())))
            .toList();
    return new PlanningInput(
        now,
        states,
        new TempoTariff(tempo.knownAt(now), prices),
        new WeekdayHourForecast(loadHistory, now, FORECAST_WEEKS),
        settings.wearEurPerKwh(),
        importCap.limitW());
  }

  private BatteryLimits limitsOf(BatteryId battery) {
    SafetyLimits safety = settings.limitsFor(battery);
    BatteryLimits venus = BatteryLimits.venusE();
    double reserve = Math.min(99, Math.max(safety.reserve().value(), venus.minSoc().value()));
    Percent floor = Percent.of(reserve);
    return new BatteryLimits(
        venus.capacity(),
        floor,
        venus.maxSoc(),
        safety.maxCharge(),
        safety.maxDischarge(),
        venus.roundTripEfficiency());
  }
}
