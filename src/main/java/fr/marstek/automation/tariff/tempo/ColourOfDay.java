package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;

/** Where a Tempo day's colour is read: a calendar of known days, or the colours known now. */
public interface ColourOfDay {

  /** {@link TempoColour#UNKNOWN} when not known (yet), never taken for blue. */
  TempoColour colourOf(LocalDate tempoDay);

  /**
   * The colour to plan for when a day is unknown (tempo.md §1.3), by Tempo's placement rules alone:
   * red when red is possible, else white when possible, else blue. A calendar that counts the
   * season's days also knows when a colour's days are used up.
   */
  default TempoColour worstCaseColour(LocalDate tempoDay) {
    if (TempoSeason.isRedAllowed(tempoDay)) {
      return TempoColour.RED;
    }
    return TempoSeason.isWhiteAllowed(tempoDay) ? TempoColour.WHITE : TempoColour.BLUE;
  }
}
