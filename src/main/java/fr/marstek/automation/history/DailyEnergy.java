package fr.marstek.automation.history;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The fleet's AC energy over one Tempo day (06:00 to 06:00 Europe/Paris), split by peak hours, in
 * Wh. Computed from hourly energy counters, so the seconds between two hours' last and first
 * samples are not counted.
 */
public record DailyEnergy(
    LocalDate day,
    Optional<String> colour,
    double chargedOffPeak,
    double chargedPeak,
    double dischargedOffPeak,
    double dischargedPeak) {

  public double charged() {
    return chargedOffPeak + chargedPeak;
  }

  public double discharged() {
    return dischargedOffPeak + dischargedPeak;
  }
}
