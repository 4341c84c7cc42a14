package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.PhraseFormat;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes one batch of pending records in one transaction. */
final class HistoryWrites {

  record PlanWrite(java.time.Instant at, Optional<BatteryId> battery, String body) {}

  record NotificationWrite(
      java.time.Instant at, String channel, String kind, String message, boolean delivered) {}

  private static final String INSERT_TELEMETRY =
      "INSERT INTO telemetry (battery, ts, online, soc_pct, battery_w, grid_w, pv_w, temp_c,"
          + " charged_wh, discharged_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (battery, ts) DO NOTHING";

  private final HistoryDatabase database;
  private final InstantSource clock;

  HistoryWrites(HistoryDatabase database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  void write(List<?> batch) {
    List<TelemetrySample> samples = new ArrayList<>();
    List<Object> others = new ArrayList<>();
    for (Object item : batch) {
      if (item instanceof TelemetrySample sample) {
        samples.add(sample);
      } else {
        others.add(item);
      }
    }
    database
        .transactions()
        .executeWithoutResult(
            status -> {
              if (!samples.isEmpty()) {
                database
                    .jdbc()
                    .batchUpdate(
                        INSERT_TELEMETRY, samples, samples.size(), HistoryWrites::bindTelemetry);
                reopenRollupsFor(samples);
              }
              others.forEach(this::writeOne);
            });
  }

  /**
   * Samples older than what the rollups have done (kept in memory through a database outage, or
   * recorded for a past day) move the rollups' mark back to their hour, in the same transaction, so
   * that the next rollup counts them; a restart between the two loses nothing.
   */
  private void reopenRollupsFor(List<TelemetrySample> samples) {
    long earliest = samples.stream().mapToLong(s -> s.at().toEpochMilli()).min().orElseThrow();
    long mark = Rollups.markCovering(earliest);
    database
        .jdbc()
        .update(
            "UPDATE rollup_state SET done_until = ? WHERE name = ? AND done_until > ?",
            mark,
            Rollups.WATERMARK,
            mark);
  }

  private static void bindTelemetry(PreparedStatement ps, TelemetrySample s) throws SQLException {
    ps.setString(1, s.battery().value());
    ps.setLong(2, s.at().toEpochMilli());
    ps.setBoolean(3, s.online());
    bind(ps, 4, s.soc().map(p -> p.value()));
    bind(ps, 5, s.batteryPower().map(w -> w.value()));
    bind(ps, 6, s.gridPower().map(w -> w.value()));
    bind(ps, 7, s.pvPower().map(w -> w.value()));
    bind(ps, 8, s.temperature().map(c -> c.value()));
    bind(ps, 9, s.chargedTotal().map(e -> e.value()));
    bind(ps, 10, s.dischargedTotal().map(e -> e.value()));
  }

  // The English text stays in the plain column, readable without the service (and by older
  // versions); the phrase beside it is what the service reads back.
  private static String english(Phrase phrase) {
    return ColumnText.shortened(PhraseFormat.english(phrase), 500);
  }

  private static void bind(PreparedStatement ps, int index, Optional<Double> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setDouble(index, value.get());
    } else {
      ps.setNull(index, Types.DOUBLE);
    }
  }

  private void writeOne(Object item) {
    var jdbc = database.jdbc();
    switch (item) {
      case ModeChange m ->
          jdbc.update(
              "INSERT INTO mode_change (id, battery, ts, from_mode, to_mode, cause, detail,"
                  + " detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              id(),
              m.battery().value(),
              m.at().toEpochMilli(),
              m.from().map(Enum::name).orElse(null),
              m.to().name(),
              m.cause().name(),
              m.detail().map(HistoryWrites::english).orElse(null),
              m.detail().map(PhraseJson::write).orElse(null));
      case CommandRecord c ->
          jdbc.update(
              "INSERT INTO command_log (id, battery, ts, command, cause, outcome, detail,"
                  + " command_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              id(),
              c.battery().value(),
              c.at().toEpochMilli(),
              ColumnText.shortened(PhraseFormat.english(c.command()), 200),
              c.cause().name(),
              c.outcome().name(),
              c.detail().map(d -> ColumnText.shortened(d, 500)).orElse(null),
              PhraseJson.write(c.command()));
      case ConnectivityChange c ->
          jdbc.update(
              "INSERT INTO connectivity (id, battery, ts, online, detail, detail_json)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              id(),
              c.battery().value(),
              c.at().toEpochMilli(),
              c.online(),
              c.detail().map(HistoryWrites::english).orElse(null),
              c.detail().map(PhraseJson::write).orElse(null));
      case TempoDayRecord t -> writeTempoDay(t);
      case PlanWrite p ->
          jdbc.update(
              "INSERT INTO plan_record (id, ts, battery, body) VALUES (?, ?, ?, ?)",
              id(),
              p.at().toEpochMilli(),
              p.battery().map(BatteryId::value).orElse(null),
              p.body());
      case NotificationWrite n ->
          jdbc.update(
              "INSERT INTO notification_log (id, ts, channel, kind, message, delivered)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              id(),
              n.at().toEpochMilli(),
              n.channel(),
              n.kind(),
              ColumnText.shortened(n.message(), 2000),
              n.delivered());
      default -> throw new IllegalArgumentException("cannot store " + item.getClass());
    }
  }

  private void writeTempoDay(TempoDayRecord t) {
    database
        .jdbc()
        .update(
            "INSERT INTO tempo_day (day, colour, off_peak_eur_kwh, peak_eur_kwh, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET"
                + " colour = COALESCE(excluded.colour, tempo_day.colour),"
                + " off_peak_eur_kwh = COALESCE(excluded.off_peak_eur_kwh, tempo_day.off_peak_eur_kwh),"
                + " peak_eur_kwh = COALESCE(excluded.peak_eur_kwh, tempo_day.peak_eur_kwh),"
                + " updated_at = excluded.updated_at",
            t.day().toString(),
            t.colour().orElse(null),
            t.prices().map(PeakPrices::offPeak).orElse(null),
            t.prices().map(PeakPrices::peak).orElse(null),
            clock.instant().toEpochMilli());
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
