package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The fleet hour by hour from the hourly rollups: the household meter (the batteries share it, so
 * its mean over them) and what the batteries delivered (their sum).
 */
record FleetHours(Map<Instant, Hour> hours) {

  /**
   * One hour: the meter's mean power if any battery read it, the batteries' summed power, and
   * whether anything at all was measured.
   */
  record Hour(OptionalDouble meterWatts, double deliveredWatts, boolean measured) {

    /** The house's load: what came through the meter plus what the batteries delivered. */
    double houseWatts() {
      return Math.max(0, meterWatts.orElse(0) + deliveredWatts);
    }
  }

  static FleetHours read(HistoryQueries queries, Instant from, Instant to) {
    Map<Instant, double[]> sums = new TreeMap<>();
    for (BatteryId battery : queries.batteries()) {
      for (SeriesPoint p :
          queries.series(Optional.of(battery), from, to, Resolution.HOURLY).points()) {
        double[] sum = sums.computeIfAbsent(p.at(), t -> new double[4]);
        if (p.gridPower() != null) {
          sum[0] += p.gridPower();
          sum[1]++;
        }
        if (p.batteryPower() != null) {
          sum[2] += p.batteryPower();
          sum[3] = 1;
        }
      }
    }
    Map<Instant, Hour> hours = new TreeMap<>();
    sums.forEach(
        (hour, s) ->
            hours.put(
                hour,
                new Hour(
                    s[1] == 0 ? OptionalDouble.empty() : OptionalDouble.of(s[0] / s[1]),
                    s[2],
                    s[1] > 0 || s[3] > 0)));
    return new FleetHours(hours);
  }
}
