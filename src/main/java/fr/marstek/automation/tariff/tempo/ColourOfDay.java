package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;

/** Where a Tempo day's colour is read: a calendar of known days, or the colours known now. */
public interface ColourOfDay {

  /** {@link TempoColour#UNKNOWN} when not known (yet), never taken for blue. */
  TempoColour colourOf(LocalDate tempoDay);
}
