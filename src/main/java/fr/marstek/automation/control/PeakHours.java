package fr.marstek.automation.control;

import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;

/**
 * The tariff's peak hours (Tempo: 06:00-22:00 Paris, every day), read through the service's live
 * {@link Tariff}. The hours are the contract's and never depend on the day's price, so control
 * holds them in one place and hands them to the selector and the front door.
 */
record PeakHours(Tariff tariff) {

  boolean contains(Instant t) {
    return !tariff.isOffPeak(t);
  }

  Instant nextEdge(Instant t) {
    return tariff.nextPeriodChange(t);
  }
}
