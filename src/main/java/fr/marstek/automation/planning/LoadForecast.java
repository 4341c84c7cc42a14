package fr.marstek.automation.planning;

import java.time.Instant;
import java.util.OptionalDouble;

/** Expected mean house power (W) over the hour that starts at {@code hourStart}. */
@FunctionalInterface
public interface LoadForecast {

  /** Empty when nothing can be said about that hour: the planner then leaves the battery idle. */
  OptionalDouble watts(Instant hourStart);

  /**
   * What the house usually draws in that hour, for the room an import cap leaves to charging: a
   * high guess there would leave the batteries empty for nothing. The same as {@link #watts} unless
   * the forecast knows better.
   */
  default OptionalDouble typicalWatts(Instant hourStart) {
    return watts(hourStart);
  }
}
