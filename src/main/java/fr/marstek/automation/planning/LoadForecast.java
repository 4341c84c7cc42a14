package fr.marstek.automation.planning;

import java.time.Instant;
import java.util.OptionalDouble;

/** Expected mean house power (W) over the hour that starts at {@code hourStart}. */
@FunctionalInterface
public interface LoadForecast {

  /** Empty when nothing can be said about that hour: the planner then leaves the battery idle. */
  OptionalDouble watts(Instant hourStart);
}
