package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Where known colours are kept between fetches (and, with a persistent implementation, between
 * restarts). Only known colours are stored: an unknown colour is simply absent. The default keeps
 * them in memory; a module that persists them provides its own bean.
 */
public interface ColourCache {

  Optional<TempoColour> load(LocalDate tempoDay);

  /**
   * Keeps a known colour; a later store for the same day replaces it (RTE corrects past days only
   * exceptionally).
   *
   * @param source the provider that gave it, such as {@code rte}
   */
  void store(LocalDate tempoDay, TempoColour colour, String source);

  /** Every known colour from {@code first} to {@code last}, both included, for season counters. */
  Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last);
}
