package fr.marstek.automation.history;

import java.time.Duration;
import java.time.Instant;

/** Deletes raw samples and hourly rollups past their retention; daily rollups and logs stay. */
final class Retention {

  private final HistoryDatabase database;
  private final Duration raw;
  private final Duration hourly;

  Retention(HistoryDatabase database, Duration raw, Duration hourly) {
    this.database = database;
    this.raw = raw;
    this.hourly = hourly;
  }

  /** Returns the number of raw samples deleted; on TimescaleDB its retention policy does this. */
  int apply(Instant now) {
    if (database.timescale()) {
      return 0;
    }
    int deleted =
        database.jdbc().update("DELETE FROM telemetry WHERE ts < ?", now.minus(raw).toEpochMilli());
    database
        .jdbc()
        .update("DELETE FROM telemetry_hourly WHERE bucket < ?", now.minus(hourly).toEpochMilli());
    return deleted;
  }
}
