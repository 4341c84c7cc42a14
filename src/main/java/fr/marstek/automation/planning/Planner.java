package fr.marstek.automation.planning;

import java.time.Instant;

/** Makes a plan from what is known now. Pure: same input, same plan. */
@FunctionalInterface
public interface Planner {

  Plan plan(PlanningInput input);

  /**
   * The planner of a causal strategy: it looks as far ahead as colours are known (today and
   * tomorrow, an unknown tomorrow taken at its worst case).
   */
  static Planner of(Strategy strategy) {
    return switch (strategy) {
      case NONE -> new IdlePlanner();
      case FIXED -> new FixedPlanner();
      case TEMPO -> new OptimisingPlanner(false, null, false);
      case ORACLE ->
          throw new IllegalArgumentException("the oracle needs a horizon: use Planner.oracle");
    };
  }

  /**
   * Perfect foresight up to {@code horizonEnd}: give it the true calendar and the true load as the
   * forecast, and it returns the exact optimum of energy cost plus wear (nothing left is valued).
   */
  static Planner oracle(Instant horizonEnd) {
    return new OptimisingPlanner(true, horizonEnd, false);
  }

  /**
   * As {@link #of}, but the plan holds only the hour that starts now, with the same decision: for a
   * replay, which plans again every hour.
   */
  static Planner nextHourOf(Strategy strategy) {
    return strategy == Strategy.TEMPO ? new OptimisingPlanner(false, null, true) : of(strategy);
  }
}
