package fr.marstek.automation.replay;

import fr.marstek.automation.tariff.tempo.TempoDays;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Hourly load stamped with local clock time without offset: each Paris hour reads the value of its
 * wall-clock hour, so a 25-hour day reads 02:00 twice and a 23-hour day skips it.
 */
record LocalHourLoad(Map<LocalDateTime, Double> watts) implements LoadSeries {

  LocalHourLoad {
    watts = Map.copyOf(watts);
  }

  @Override
  public OptionalDouble watts(Instant hourStart) {
    Double w = watts.get(LocalDateTime.ofInstant(hourStart, TempoDays.PARIS));
    return w == null ? OptionalDouble.empty() : OptionalDouble.of(w);
  }
}
