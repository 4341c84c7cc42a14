package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.ResultSetExtractor;

/** Reads mode changes, commands, connectivity and Tempo days. */
final class LogReader {

  private final HistoryDatabase database;

  LogReader(HistoryDatabase database) {
    this.database = database;
  }

  List<ModeChange> modeChanges(Optional<BatteryId> battery, Instant from, Instant to) {
    return database
        .jdbc()
        .query(
            select(
                "battery, ts, from_mode, to_mode, cause, detail, detail_json",
                "mode_change",
                battery),
            (rs, n) ->
                new ModeChange(
                    new BatteryId(rs.getString("battery")),
                    Instant.ofEpochMilli(rs.getLong("ts")),
                    Optional.ofNullable(rs.getString("from_mode")).map(DeviceMode::valueOf),
                    DeviceMode.valueOf(rs.getString("to_mode")),
                    ChangeCause.valueOf(rs.getString("cause")),
                    phrase(rs.getString("detail_json"), rs.getString("detail"))),
            arguments(battery, from, to));
  }

  List<CommandRecord> commands(Optional<BatteryId> battery, Instant from, Instant to) {
    return database
        .jdbc()
        .query(
            select(
                "battery, ts, command, cause, outcome, detail, command_json",
                "command_log",
                battery),
            (rs, n) ->
                new CommandRecord(
                    new BatteryId(rs.getString("battery")),
                    Instant.ofEpochMilli(rs.getLong("ts")),
                    phrase(rs.getString("command_json"), rs.getString("command")).orElseThrow(),
                    ChangeCause.valueOf(rs.getString("cause")),
                    CommandOutcome.valueOf(rs.getString("outcome")),
                    Optional.ofNullable(rs.getString("detail"))),
            arguments(battery, from, to));
  }

  List<ConnectivityChange> connectivity(Optional<BatteryId> battery, Instant from, Instant to) {
    return database
        .jdbc()
        .query(
            select("battery, ts, online, detail, detail_json", "connectivity", battery),
            (rs, n) ->
                new ConnectivityChange(
                    new BatteryId(rs.getString("battery")),
                    Instant.ofEpochMilli(rs.getLong("ts")),
                    rs.getBoolean("online"),
                    phrase(rs.getString("detail_json"), rs.getString("detail"))),
            arguments(battery, from, to));
  }

  /** The stored phrase; a row written before phrases were stored keeps its English text. */
  private static Optional<Phrase> phrase(String json, String text) {
    return PhraseJson.read(json).or(() -> Optional.ofNullable(text).map(Phrase::verbatim));
  }

  List<TempoDayRecord> tempoDays(LocalDate from, LocalDate to) {
    return database
        .jdbc()
        .query(
            "SELECT day, colour, off_peak_eur_kwh, peak_eur_kwh FROM tempo_day"
                + " WHERE day >= ? AND day <= ? ORDER BY day",
            (rs, n) -> {
              Double offPeak = SeriesReader.value(rs, "off_peak_eur_kwh");
              Double peak = SeriesReader.value(rs, "peak_eur_kwh");
              return new TempoDayRecord(
                  LocalDate.parse(rs.getString("day")),
                  Optional.ofNullable(rs.getString("colour")),
                  offPeak == null || peak == null
                      ? Optional.empty()
                      : Optional.of(new PeakPrices(offPeak, peak)));
            },
            from.toString(),
            to.toString());
  }

  SortedSet<BatteryId> batteries() {
    return new TreeSet<>(
        database
            .jdbc()
            .query(
                "SELECT DISTINCT battery FROM telemetry_daily UNION SELECT DISTINCT battery FROM"
                    + " telemetry WHERE ts >= (SELECT MAX(ts) FROM telemetry) - 86400000",
                (rs, n) -> new BatteryId(rs.getString(1))));
  }

  boolean knows(BatteryId battery) {
    Boolean found =
        database
            .jdbc()
            .query(
                "SELECT battery FROM telemetry WHERE battery = ? UNION ALL"
                    + " SELECT battery FROM telemetry_daily WHERE battery = ?",
                (ResultSetExtractor<Boolean>) rs -> rs.next(),
                battery.value(),
                battery.value());
    return Boolean.TRUE.equals(found);
  }

  private static String select(String columns, String table, Optional<BatteryId> battery) {
    return "SELECT "
        + columns
        + " FROM "
        + table
        + " WHERE ts >= ? AND ts < ?"
        + (battery.isPresent() ? " AND battery = ?" : "")
        + " ORDER BY ts, id";
  }

  private static Object[] arguments(Optional<BatteryId> battery, Instant from, Instant to) {
    return battery.isPresent()
        ? new Object[] {from.toEpochMilli(), to.toEpochMilli(), battery.get().value()}
        : new Object[] {from.toEpochMilli(), to.toEpochMilli()};
  }
}
