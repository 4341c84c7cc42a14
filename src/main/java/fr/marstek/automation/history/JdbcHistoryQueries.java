package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

final class JdbcHistoryQueries implements HistoryQueries {

  private final SeriesReader series;
  private final LogReader logs;
  private final EnergyReader energy;

  JdbcHistoryQueries(HistoryDatabase database) {
    this.series = new SeriesReader(database);
    this.logs = new LogReader(database);
    this.energy = new EnergyReader(database, logs);
  }

  @Override
  public Series series(
      Optional<BatteryId> battery, Instant from, Instant to, Resolution resolution) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    return series.read(battery, from, to, resolution);
  }

  @Override
  public SortedSet<BatteryId> batteries() {
    return logs.batteries();
  }

  @Override
  public boolean knows(BatteryId battery) {
    return logs.knows(battery);
  }

  @Override
  public List<ModeChange> modeChanges(Optional<BatteryId> battery, Instant from, Instant to) {
    return logs.modeChanges(battery, from, to);
  }

  @Override
  public List<CommandRecord> commands(Optional<BatteryId> battery, Instant from, Instant to) {
    return logs.commands(battery, from, to);
  }

  @Override
  public List<ConnectivityChange> connectivity(
      Optional<BatteryId> battery, Instant from, Instant to) {
    return logs.connectivity(battery, from, to);
  }

  @Override
  public List<TempoDayRecord> tempoDays(LocalDate from, LocalDate to) {
    return logs.tempoDays(from, to);
  }

  @Override
  public List<DailyEnergy> dailyEnergy(LocalDate from, LocalDate to) {
    return energy.dailyEnergy(from, to);
  }
}
