package fr.marstek.automation.control;

import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import java.time.Instant;

/**
 * The tariff's peak hours (Tempo: 06:00-22:00 Paris, every day), read through the {@link Tariff}
 * port. The hours are the contract's and never depend on the day's price, so control picks the
 * tariff here, in one place, rather than threading it through every selector.
 */
final class PeakHours {

  private static final Tariff TARIFF = TempoTariff.hours();

  private PeakHours() {}

  static boolean contains(Instant t) {
    return !TARIFF.isOffPeak(t);
  }

  static Instant nextEdge(Instant t) {
    return TARIFF.nextPeriodChange(t);
  }
}
