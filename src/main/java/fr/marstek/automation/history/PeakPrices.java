package fr.marstek.automation.history;

/** Energy prices of one Tempo colour in EUR per kWh: off-peak 22:00-06:00, peak 06:00-22:00. */
public record PeakPrices(double offPeak, double peak) {

  public PeakPrices {
    if (!(offPeak >= 0 && offPeak < 100 && peak >= 0 && peak < 100)) {
      throw new IllegalArgumentException(
          "prices must be 0-100 EUR/kWh, were " + offPeak + " and " + peak);
    }
  }
}
