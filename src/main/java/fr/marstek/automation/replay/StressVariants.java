package fr.marstek.automation.replay;

import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The recorded data bent into the stress cases: scaled load, a gap, red days in a row. */
final class StressVariants {

  private StressVariants() {}

  /** Every hour's load times {@code factor}. */
  static LoadSeries scaled(LoadSeries load, double factor) {
    return at -> {
      OptionalDouble w = load.watts(at);
      return w.isPresent() ? OptionalDouble.of(w.getAsDouble() * factor) : w;
    };
  }

  /** No load known from {@code from} for {@code days} Tempo days. */
  static LoadSeries gap(LoadSeries load, LocalDate from, int days) {
    Instant start = TempoDays.start(from);
    Instant end = TempoDays.start(from.plusDays(days));
    return at -> !at.isBefore(start) && at.isBefore(end) ? OptionalDouble.empty() : load.watts(at);
  }

  /** The first red day of the season, where the stress cases put their trouble. */
  static LocalDate firstRed(TempoCalendar truth, TempoSeason season) {
    for (LocalDate d = season.firstDay(); !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
      if (truth.colourOf(d) == TempoColour.RED) {
        return d;
      }
    }
    throw new IllegalArgumentException("no red day in " + season);
  }

  /**
   * The season's red days moved onto the days that may be red from its first red day on, one after
   * the other; the days they leave take the colours of the days they take.
   */
  static TempoCalendar redInARow(TempoCalendar truth, List<TempoSeason> seasons) {
    Map<LocalDate, TempoColour> colours = new HashMap<>();
    for (TempoSeason season : seasons) {
      for (LocalDate d = season.firstDay(); !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
        colours.put(d, truth.colourOf(d));
      }
      List<LocalDate> reds = new ArrayList<>();
      colours.forEach(
          (d, c) -> {
            if (c == TempoColour.RED && season.contains(d)) {
              reds.add(d);
            }
          });
      List<LocalDate> row = new ArrayList<>();
      for (LocalDate d = firstRed(truth, season); row.size() < reds.size(); d = d.plusDays(1)) {
        if (TempoSeason.isRedAllowed(d)) {
          row.add(d);
        }
      }
      List<LocalDate> freed = new ArrayList<>(reds);
      freed.removeAll(row);
      List<LocalDate> taken = new ArrayList<>(row);
      taken.removeAll(reds);
      for (int i = 0; i < taken.size(); i++) {
        colours.put(freed.get(i), colours.get(taken.get(i)));
        colours.put(taken.get(i), TempoColour.RED);
      }
    }
    return TempoCalendar.of(colours);
  }
}
