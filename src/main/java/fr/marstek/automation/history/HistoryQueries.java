package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** Reads the history for the dashboard, REST and savings reports. */
public interface HistoryQueries {

  /** Series over [from, to) at the resolution {@link Resolution#forRange} picks. */
  default Series series(Optional<BatteryId> battery, Instant from, Instant to) {
    return series(battery, from, to, Resolution.forRange(from, to));
  }

  Series series(Optional<BatteryId> battery, Instant from, Instant to, Resolution resolution);

  /** Batteries that have at least one stored sample. */
  SortedSet<BatteryId> batteries();

  /** True when at least one sample of this battery is stored (raw or rolled up). */
  boolean knows(BatteryId battery);

  List<ModeChange> modeChanges(Optional<BatteryId> battery, Instant from, Instant to);

  List<CommandRecord> commands(Optional<BatteryId> battery, Instant from, Instant to);

  List<ConnectivityChange> connectivity(Optional<BatteryId> battery, Instant from, Instant to);

  List<TempoDayRecord> tempoDays(LocalDate from, LocalDate to);

  /** Fleet energy per Tempo day in [from, to], with the stored colour when known. */
  List<DailyEnergy> dailyEnergy(LocalDate from, LocalDate to);

  /**
   * Energy and cost per colour over [from, to] with the given prices (by colour); days whose colour
   * is unknown are reported under {@code UNKNOWN} at zero cost.
   */
  default List<ColourCost> costPerColour(
      LocalDate from, LocalDate to, Map<String, PeakPrices> prices) {
    return EnergyCosts.perColour(dailyEnergy(from, to), prices);
  }

  /**
   * Per Tempo day, what the household paid and would have paid without the batteries; {@code
   * prices} gives the off-peak and peak prices of a day of a colour.
   */
  default List<DaySavings> savings(
      LocalDate from,
      LocalDate to,
      java.util.function.BiFunction<LocalDate, String, Optional<PeakPrices>> prices) {
    return new SavingsReport(this).daily(from, to, prices);
  }
}
