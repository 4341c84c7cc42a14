package fr.marstek.automation.history;

import fr.marstek.automation.tariff.tempo.ColourCache;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Keeps known Tempo colours in the history store, so a restart or a provider outage loses none. */
final class HistoryColourCache implements ColourCache {

  private final HistoryRecorder recorder;
  private final HistoryQueries queries;

  HistoryColourCache(HistoryRecorder recorder, HistoryQueries queries) {
    this.recorder = recorder;
    this.queries = queries;
  }

  @Override
  public Optional<TempoColour> load(LocalDate tempoDay) {
    return Optional.ofNullable(loadBetween(tempoDay, tempoDay).get(tempoDay));
  }

  @Override
  public void store(LocalDate tempoDay, TempoColour colour, String source) {
    if (colour != TempoColour.UNKNOWN) {
      recorder.recordTempoDay(
          new TempoDayRecord(tempoDay, Optional.of(colour.name()), Optional.empty()));
    }
  }

  @Override
  public Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last) {
    Map<LocalDate, TempoColour> colours = new TreeMap<>();
    for (TempoDayRecord day : queries.tempoDays(first, last)) {
      day.colour().ifPresent(c -> colours.put(day.day(), TempoColour.valueOf(c)));
    }
    return colours;
  }
}
