package fr.marstek.automation.history;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Maintains hourly and daily rollups on SQLite and plain PostgreSQL by a scheduled job rather than
 * on every insert: each run recomputes the hours from the saved watermark (less one hour, for
 * samples that arrived late) up to the current hour, then the Europe/Paris days those hours touch.
 */
final class Rollups {

  static final String COLUMNS =
      "samples, online_n, soc_sum, soc_n, battery_sum, battery_n, battery_min, battery_max,"
          + " grid_sum, grid_n, pv_sum, pv_n, temp_min, temp_max, charged_min, charged_max,"
          + " discharged_min, discharged_max";
  static final String HOURLY_AGGREGATES =
      " COUNT(*) AS samples, SUM(CASE WHEN online THEN 1 ELSE 0 END) AS online_n,"
          + " SUM(soc_pct) AS soc_sum, COUNT(soc_pct) AS soc_n,"
          + " SUM(battery_w) AS battery_sum, COUNT(battery_w) AS battery_n,"
          + " MIN(battery_w) AS battery_min, MAX(battery_w) AS battery_max,"
          + " SUM(grid_w) AS grid_sum, COUNT(grid_w) AS grid_n,"
          + " SUM(pv_w) AS pv_sum, COUNT(pv_w) AS pv_n,"
          + " MIN(temp_c) AS temp_min, MAX(temp_c) AS temp_max,"
          + " MIN(charged_wh) AS charged_min, MAX(charged_wh) AS charged_max,"
          + " MIN(discharged_wh) AS discharged_min, MAX(discharged_wh) AS discharged_max";
  private static final String DAILY_AGGREGATES =
      " SUM(samples), SUM(online_n), SUM(soc_sum), SUM(soc_n), SUM(battery_sum), SUM(battery_n),"
          + " MIN(battery_min), MAX(battery_max), SUM(grid_sum), SUM(grid_n), SUM(pv_sum),"
          + " SUM(pv_n), MIN(temp_min), MAX(temp_max), MIN(charged_min), MAX(charged_max),"
          + " MIN(discharged_min), MAX(discharged_max)";
  private static final long HOUR = Duration.ofHours(1).toMillis();
  static final String WATERMARK = "rollups";

  private final HistoryDatabase database;

  Rollups(HistoryDatabase database) {
    this.database = database;
  }

  /** Brings rollups up to date with everything stored before {@code now}. */
  void catchUp(Instant now) {
    Long earliest = database.jdbc().queryForObject("SELECT MIN(ts) FROM telemetry", Long.class);
    if (earliest == null) {
      return;
    }
    Long saved =
        database
            .jdbc()
            .query(
                "SELECT done_until FROM rollup_state WHERE name = ?",
                rs -> rs.next() ? rs.getLong(1) : null,
                WATERMARK);
    long doneUntil = saved == null ? 0L : saved;
    long from = Math.max(floorHour(earliest), doneUntil - HOUR);
    long currentHour = floorHour(now.toEpochMilli());
    if (from > currentHour) {
      return;
    }
    rebuild(Instant.ofEpochMilli(from), Instant.ofEpochMilli(currentHour + HOUR));
    saveWatermark(saved, currentHour);
  }

  /** The mark that makes the next catch-up start at the hour of {@code epochMilli}. */
  static long markCovering(long epochMilli) {
    return floorHour(epochMilli) + HOUR;
  }

  /** Recomputes hourly rollups for the hours and daily rollups for the days in [from, to). */
  void rebuild(Instant from, Instant to) {
    long start = floorHour(from.toEpochMilli());
    long end = to.toEpochMilli();
    if (!database.timescale()) {
      database
          .transactions()
          .executeWithoutResult(
              status -> {
                database
                    .jdbc()
                    .update(
                        "DELETE FROM telemetry_hourly WHERE bucket >= ? AND bucket < ?",
                        start,
                        end);
                database
                    .jdbc()
                    .update(
                        "INSERT INTO telemetry_hourly (battery, bucket, "
                            + COLUMNS
                            + ") SELECT battery, (ts / 3600000) * 3600000,"
                            + HOURLY_AGGREGATES
                            + " FROM telemetry WHERE ts >= ? AND ts < ?"
                            + " GROUP BY battery, (ts / 3600000) * 3600000",
                        start,
                        end);
              });
    } else {
      database
          .jdbc()
          .execute(
              "CALL refresh_continuous_aggregate('"
                  + TimescaleFeatures.HOURLY_VIEW
                  + "', "
                  + start
                  + ", "
                  + end
                  + ")");
    }
    LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(start), PARIS);
    LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochMilli(end - 1), PARIS);
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      rebuildDay(day);
    }
  }

  private void rebuildDay(LocalDate day) {
    long start = day.atStartOfDay(PARIS).toInstant().toEpochMilli();
    long end = day.plusDays(1).atStartOfDay(PARIS).toInstant().toEpochMilli();
    database
        .transactions()
        .executeWithoutResult(
            status -> {
              database.jdbc().update("DELETE FROM telemetry_daily WHERE bucket = ?", start);
              database
                  .jdbc()
                  .update(
                      "INSERT INTO telemetry_daily (battery, bucket, "
                          + COLUMNS
                          + ") SELECT battery, ?,"
                          + DAILY_AGGREGATES
                          + " FROM "
                          + database.hourlySource()
                          + " WHERE bucket >= ? AND bucket < ? GROUP BY battery",
                      start,
                      start,
                      end);
            });
  }

  // Moved only from the value read before the rebuild: a writer that moved it back meanwhile
  // (samples older than the mark, see HistoryWrites) wins, and the next catch-up counts them.
  private void saveWatermark(Long read, long doneUntil) {
    if (read == null) {
      database
          .jdbc()
          .update(
              "INSERT INTO rollup_state (name, done_until) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
              WATERMARK,
              doneUntil);
    } else {
      database
          .jdbc()
          .update(
              "UPDATE rollup_state SET done_until = ? WHERE name = ? AND done_until = ?",
              doneUntil,
              WATERMARK,
              read);
    }
  }

  static long floorHour(long epochMilli) {
    return Instant.ofEpochMilli(epochMilli).truncatedTo(ChronoUnit.HOURS).toEpochMilli();
  }
}
