package fr.marstek.automation.tariff.tempo;

import java.util.EnumMap;
import java.util.Map;

/**
 * Days used and left per colour in a season, counted from the known colours up to and including
 * today (tomorrow never counts). When history is incomplete ({@code knownDays < elapsedDays}) the
 * used counts are lower bounds and the days left upper bounds.
 */
public record SeasonTally(
    TempoSeason season, Map<TempoColour, Integer> used, int knownDays, int elapsedDays) {

  public SeasonTally {
    used = Map.copyOf(used);
  }

  static SeasonTally of(TempoSeason season, TempoCalendar known, int elapsedDays) {
    Map<TempoColour, Integer> used = new EnumMap<>(TempoColour.class);
    int knownDays = 0;
    for (TempoColour c : new TempoColour[] {TempoColour.BLUE, TempoColour.WHITE, TempoColour.RED}) {
      used.put(c, known.daysUsed(season, c));
      knownDays += used.get(c);
    }
    return new SeasonTally(season, used, knownDays, elapsedDays);
  }

  public int used(TempoColour colour) {
    return used.getOrDefault(colour, 0);
  }

  /** Quota minus known days, never negative (2019-2020 had 47 whites). */
  public int left(TempoColour colour) {
    return Math.max(0, season.quota(colour) - used(colour));
  }

  /** Every day of the season so far has a known colour, so the counts are exact. */
  public boolean complete() {
    return knownDays >= elapsedDays;
  }
}
