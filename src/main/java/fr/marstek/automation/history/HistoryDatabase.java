package fr.marstek.automation.history;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The migrated database with what the other history classes need to know about it. */
record HistoryDatabase(JdbcTemplate jdbc, TransactionTemplate transactions, boolean timescale) {

  /** Where hourly rollups are read: the continuous aggregate on TimescaleDB, else our table. */
  String hourlySource() {
    return timescale ? TimescaleFeatures.HOURLY_VIEW : "telemetry_hourly";
  }
}
