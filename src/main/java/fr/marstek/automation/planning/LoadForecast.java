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

  /**
   * The room (W) an import cap of {@code capW} usually leaves above the house in that hour.
   * Charging can use an hour's room only when it is there, so this is the mean of the room of the
   * same past hours, not the room above their mean load: that is empty in an hour the house is over
   * the cap on most days but not all. By default the room above {@link #typicalWatts}.
   */
  default OptionalDouble roomWatts(Instant hourStart, double capW) {
    OptionalDouble typical = typicalWatts(hourStart);
    return typical.isPresent()
        ? OptionalDouble.of(Math.max(0, capW - typical.getAsDouble()))
        : OptionalDouble.empty();
  }

  /**
   * The mean house power over the last day measured before now, empty when too little of it was
   * measured: how the house draws these days, nearly nothing when it stands empty for a week, which
   * the same weekday of past weeks cannot tell.
   */
  default OptionalDouble recentWatts() {
    return OptionalDouble.empty();
  }
}
