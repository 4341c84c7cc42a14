package fr.marstek.automation.history;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Fleet energy per Tempo day from hourly counters, split into peak and off-peak hours. */
final class EnergyReader {

  private static final long HOUR = 3_600_000;

  private final HistoryDatabase database;
  private final LogReader logs;

  EnergyReader(HistoryDatabase database, LogReader logs) {
    this.database = database;
    this.logs = logs;
  }

  private record HourCounters(
      BatteryId battery,
      long bucket,
      Double chargedMax,
      Double dischargedMax,
      double charged,
      double discharged) {}

  List<DailyEnergy> dailyEnergy(LocalDate from, LocalDate to) {
    long start = tempoDayStart(from).toEpochMilli();
    long end = tempoDayStart(to.plusDays(1)).toEpochMilli();
    List<HourCounters> hours =
        database
            .jdbc()
            .query(
                "SELECT battery, bucket, charged_min, charged_max, discharged_min, discharged_max"
                    + " FROM "
                    + database.hourlySource()
                    + " WHERE bucket >= ? AND bucket < ? ORDER BY battery, bucket",
                (rs, n) -> {
                  Double cMin = SeriesReader.value(rs, "charged_min");
                  Double cMax = SeriesReader.value(rs, "charged_max");
                  Double dMin = SeriesReader.value(rs, "discharged_min");
                  Double dMax = SeriesReader.value(rs, "discharged_max");
                  return new HourCounters(
                      new BatteryId(rs.getString("battery")),
                      rs.getLong("bucket"),
                      cMax,
                      dMax,
                      delta(cMax, cMin),
                      delta(dMax, dMin));
                },
                start - HOUR,
                end);
    Map<LocalDate, double[]> perDay = new TreeMap<>();
    Map<BatteryId, HourCounters> previous = new HashMap<>();
    for (HourCounters hour : hours) {
      HourCounters before = previous.put(hour.battery(), hour);
      if (hour.bucket() < start) {
        continue;
      }
      boolean follows = before != null && before.bucket() == hour.bucket() - HOUR;
      // Counting from the previous hour's last reading includes the seconds between the two hours.
      double charged = follows ? delta(hour.chargedMax(), before.chargedMax()) : hour.charged();
      double discharged =
          follows ? delta(hour.dischargedMax(), before.dischargedMax()) : hour.discharged();
      LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(hour.bucket()), PARIS);
      boolean peak = local.getHour() >= 6 && local.getHour() < 22;
      double[] sums = perDay.computeIfAbsent(local.minusHours(6).toLocalDate(), d -> new double[4]);
      sums[peak ? 1 : 0] += Math.max(0, charged);
      sums[peak ? 3 : 2] += Math.max(0, discharged);
    }
    Map<LocalDate, Optional<String>> colours = new HashMap<>();
    logs.tempoDays(from, to).forEach(d -> colours.put(d.day(), d.colour()));
    List<DailyEnergy> result = new ArrayList<>();
    perDay.forEach(
        (day, s) ->
            result.add(
                new DailyEnergy(
                    day, colours.getOrDefault(day, Optional.empty()), s[0], s[1], s[2], s[3])));
    return result;
  }

  static Instant tempoDayStart(LocalDate day) {
    return day.atTime(6, 0).atZone(PARIS).toInstant();
  }

  private static double delta(Double high, Double low) {
    return high == null || low == null ? 0 : high - low;
  }
}
