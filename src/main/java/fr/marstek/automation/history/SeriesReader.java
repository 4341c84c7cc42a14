package fr.marstek.automation.history;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads series from raw samples or rollups and combines batteries into a fleet. */
final class SeriesReader {

  private final HistoryDatabase database;

  SeriesReader(HistoryDatabase database) {
    this.database = database;
  }

  Series read(Optional<BatteryId> battery, Instant from, Instant to, Resolution resolution) {
    List<Row> rows =
        switch (resolution) {
          case RAW -> raw(battery, from, to);
          case HOURLY ->
              rollup(database.hourlySource(), battery, from.truncatedTo(ChronoUnit.HOURS), to);
          case DAILY -> rollup("telemetry_daily", battery, startOfDay(from), to);
        };
    List<SeriesPoint> points =
        battery.isPresent()
            ? rows.stream().map(Row::point).toList()
            : fleet(rows, resolution == Resolution.RAW);
    return new Series(battery, from, to, resolution, points);
  }

  record Row(BatteryId battery, SeriesPoint point) {}

  private List<Row> raw(Optional<BatteryId> battery, Instant from, Instant to) {
    String sql =
        "SELECT battery, ts, online, soc_pct, battery_w, grid_w, pv_w, temp_c FROM telemetry"
            + " WHERE ts >= ? AND ts < ?"
            + (battery.isPresent() ? " AND battery = ?" : "")
            + " ORDER BY ts";
    Object[] args = arguments(battery, from.toEpochMilli(), to.toEpochMilli());
    return database.jdbc().query(sql, (rs, n) -> rawRow(rs), args);
  }

  private static Row rawRow(ResultSet rs) throws SQLException {
    Double power = value(rs, "battery_w");
    return new Row(
        new BatteryId(rs.getString("battery")),
        new SeriesPoint(
            Instant.ofEpochMilli(rs.getLong("ts")),
            value(rs, "soc_pct"),
            power,
            power,
            power,
            value(rs, "grid_w"),
            value(rs, "pv_w"),
            value(rs, "temp_c"),
            rs.getBoolean("online") ? 1.0 : 0.0,
            null,
            null));
  }

  private List<Row> rollup(String table, Optional<BatteryId> battery, Instant from, Instant to) {
    String sql =
        "SELECT battery, bucket, "
            + Rollups.COLUMNS
            + " FROM "
            + table
            + " WHERE bucket >= ? AND bucket < ?"
            + (battery.isPresent() ? " AND battery = ?" : "")
            + " ORDER BY bucket";
    Object[] args = arguments(battery, from.toEpochMilli(), to.toEpochMilli());
    return database.jdbc().query(sql, (rs, n) -> rollupRow(rs), args);
  }

  private static Row rollupRow(ResultSet rs) throws SQLException {
    long samples = rs.getLong("samples");
    return new Row(
        new BatteryId(rs.getString("battery")),
        new SeriesPoint(
            Instant.ofEpochMilli(rs.getLong("bucket")),
            mean(rs, "soc_sum", "soc_n"),
            mean(rs, "battery_sum", "battery_n"),
            value(rs, "battery_min"),
            value(rs, "battery_max"),
            mean(rs, "grid_sum", "grid_n"),
            mean(rs, "pv_sum", "pv_n"),
            value(rs, "temp_max"),
            samples == 0 ? null : rs.getLong("online_n") / (double) samples,
            difference(rs, "charged_max", "charged_min"),
            difference(rs, "discharged_max", "discharged_min")));
  }

  // Raw fleet points are per-minute, so batteries polled at different seconds line up.
  private static List<SeriesPoint> fleet(List<Row> rows, boolean perMinute) {
    Map<Instant, Map<BatteryId, List<SeriesPoint>>> buckets = new TreeMap<>();
    for (Row row : rows) {
      Instant at = perMinute ? row.point().at().truncatedTo(ChronoUnit.MINUTES) : row.point().at();
      buckets
          .computeIfAbsent(at, k -> new TreeMap<>())
          .computeIfAbsent(row.battery(), k -> new ArrayList<>())
          .add(row.point());
    }
    List<SeriesPoint> points = new ArrayList<>(buckets.size());
    buckets.forEach(
        (at, byBattery) ->
            points.add(
                PointMath.fleet(
                    at, byBattery.values().stream().map(p -> PointMath.average(at, p)).toList())));
    return points;
  }

  private static Object[] arguments(Optional<BatteryId> battery, long from, long to) {
    return battery.isPresent()
        ? new Object[] {from, to, battery.get().value()}
        : new Object[] {from, to};
  }

  static Instant startOfDay(Instant at) {
    return LocalDate.ofInstant(at, PARIS).atStartOfDay(PARIS).toInstant();
  }

  static Double value(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Double mean(ResultSet rs, String sum, String count) throws SQLException {
    long n = rs.getLong(count);
    return n == 0 ? null : rs.getDouble(sum) / n;
  }

  private static Double difference(ResultSet rs, String max, String min) throws SQLException {
    Double high = value(rs, max);
    Double low = value(rs, min);
    return high == null || low == null ? null : high - low;
  }
}
