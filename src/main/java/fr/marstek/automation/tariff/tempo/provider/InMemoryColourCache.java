package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ColourCache;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The default {@link ColourCache}: forgets everything on restart. */
final class InMemoryColourCache implements ColourCache {

  private final ConcurrentSkipListMap<LocalDate, TempoColour> colours =
      new ConcurrentSkipListMap<>();

  @Override
  public Optional<TempoColour> load(LocalDate tempoDay) {
    return Optional.ofNullable(colours.get(tempoDay));
  }

  @Override
  public void store(LocalDate tempoDay, TempoColour colour, String source) {
    if (!colour.isKnown()) {
      throw new IllegalArgumentException("only known colours are cached: " + tempoDay);
    }
    colours.put(tempoDay, colour);
  }

  @Override
  public Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last) {
    return new TreeMap<>(colours.subMap(first, true, last, true));
  }
}
