package fr.marstek.automation.tariff.tempo;

/** The colour of a Tempo day; {@link #UNKNOWN} until published, and never taken for blue. */
public enum TempoColour {
  BLUE,
  WHITE,
  RED,
  UNKNOWN;

  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
