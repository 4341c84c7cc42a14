package fr.marstek.automation.history;

import fr.marstek.automation.tariff.tempo.ColourCache;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps known Tempo colours in the history store, so a restart or a provider outage loses none.
 * Reads wait at most {@link BoundedReads#LIMIT} (control's plan reads them); while the database
 * does not answer, the colours read or stored before in this run are given.
 */
final class HistoryColourCache implements ColourCache {

  private final HistoryRecorder recorder;
  private final HistoryQueries queries;
  private final BoundedReads reads;
  private final Map<LocalDate, TempoColour> seen = new ConcurrentHashMap<>();

  HistoryColourCache(HistoryRecorder recorder, HistoryQueries queries, BoundedReads reads) {
    this.recorder = recorder;
    this.queries = queries;
    this.reads = reads;
  }

  @Override
  public Optional<TempoColour> load(LocalDate tempoDay) {
    return Optional.ofNullable(loadBetween(tempoDay, tempoDay).get(tempoDay));
  }

  @Override
  public void store(LocalDate tempoDay, TempoColour colour, String source) {
    if (colour != TempoColour.UNKNOWN) {
      seen.put(tempoDay, colour);
      recorder.recordTempoDay(
          new TempoDayRecord(tempoDay, Optional.of(colour.name()), Optional.empty()));
    }
  }

  @Override
  public Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last) {
    Map<LocalDate, TempoColour> colours = new TreeMap<>();
    seen.forEach(
        (day, colour) -> {
          if (!day.isBefore(first) && !day.isAfter(last)) {
            colours.put(day, colour);
          }
        });
    for (TempoDayRecord day : reads.read(() -> queries.tempoDays(first, last)).orElse(List.of())) {
      day.colour()
          .ifPresent(
              c -> {
                colours.put(day.day(), TempoColour.valueOf(c));
                seen.put(day.day(), TempoColour.valueOf(c));
              });
    }
    return colours;
  }
}
