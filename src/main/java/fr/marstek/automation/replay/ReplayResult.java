package fr.marstek.automation.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one replay cost; money in EUR, energy in kWh. {@code leftOverEur} is what the energy left in
 * the batteries at the end is worth (what it spares buying on the next night), deducted from the
 * total.
 */
record ReplayResult(
    ReplayCase replayCase,
    Coverage coverage,
    double gridKwh,
    double costEur,
    double wearEur,
    double leftOverEur,
    double noneTotalEur,
    double cycles,
    Peak peak) {

  /** Days with every hour's load, days with some hour missing, and the missing hours. */
  record Coverage(int daysCovered, int daysExcluded, int hoursMissing) {}

  /**
   * The highest hourly import (mean W), the hours above the import cap, and how many of those the
   * house alone was above it (no battery charging could have avoided them).
   */
  record Peak(double importW, int hoursOverCap, int hoursHouseOverCap) {}

  int daysCovered() {
    return coverage.daysCovered();
  }

  double totalEur() {
    return costEur + wearEur - leftOverEur;
  }

  double savingsEur() {
    return noneTotalEur - totalEur();
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("season", replayCase.season().toString());
    json.put("strategy", replayCase.strategy().toString());
    json.put("batteries", replayCase.batteries());
    json.put("wear_eur_per_kwh", replayCase.wearEurPerKwh());
    json.put("days_covered", coverage.daysCovered());
    json.put("days_excluded", coverage.daysExcluded());
    json.put("hours_missing", coverage.hoursMissing());
    json.put("grid_kwh", round(gridKwh, 3));
    json.put("cost_eur", round(costEur, 4));
    json.put("wear_eur", round(wearEur, 4));
    json.put("left_over_eur", round(leftOverEur, 4));
    json.put("total_eur", round(totalEur(), 4));
    json.put("none_total_eur", round(noneTotalEur, 4));
    json.put("savings_eur", round(savingsEur(), 4));
    json.put("cycles", round(cycles, 2));
    json.put("peak_import_w", round(peak.importW(), 0));
    json.put("hours_over_cap", peak.hoursOverCap());
    json.put("hours_house_over_cap", peak.hoursHouseOverCap());
    return json;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
