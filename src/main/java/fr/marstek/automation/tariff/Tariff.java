package fr.marstek.automation.tariff;

import java.time.Instant;
import java.util.Optional;

/**
 * The port for "what does energy cost when": the contract's peak and off-peak hours, known in
 * advance, and the price of each period, known once the supplier says so. Tempo ({@code
 * tariff.tempo.TempoTariff}) is the first implementation.
 */
public interface Tariff {

  /** Whether {@code t} falls in off-peak hours; hours never depend on the day's price. */
  boolean isOffPeak(Instant t);

  /** The first instant after {@code t} at which off-peak hours begin or end. */
  Instant nextPeriodChange(Instant t);

  /**
   * The price period that contains {@code t}, or empty when the price is not known yet (for Tempo:
   * the day's colour is not published); an unknown price is never a cheap one.
   */
  Optional<PricePeriod> periodAt(Instant t);
}
