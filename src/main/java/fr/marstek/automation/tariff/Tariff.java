package fr.marstek.automation.tariff;

import java.time.Instant;
import java.util.Optional;

/** The port for "what does energy cost when". */
public interface Tariff {

  /**
   * The price period that contains {@code t}, or empty when the price is not known yet (for Tempo:
   * the day's colour is not published); an unknown price is never a cheap one.
   */
  Optional<PricePeriod> periodAt(Instant t);
}
