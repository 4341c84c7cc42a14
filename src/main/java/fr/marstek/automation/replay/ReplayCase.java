package fr.marstek.automation.replay;

import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoSeason;

/** One replay: a season, a strategy, a number of batteries and a wear cost per AC kWh out. */
record ReplayCase(TempoSeason season, Strategy strategy, int batteries, double wearEurPerKwh) {

  ReplayCase {
    if (batteries < 1 || batteries > 50) {
      throw new IllegalArgumentException("batteries must be 1-50: " + batteries);
    }
    if (!(wearEurPerKwh >= 0 && wearEurPerKwh < 10)) {
      throw new IllegalArgumentException("wear cost out of range: " + wearEurPerKwh);
    }
  }
}
