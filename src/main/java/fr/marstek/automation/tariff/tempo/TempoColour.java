package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.DayKind;

/**
 * The colour of a Tempo day, its {@link DayKind}; {@link #UNKNOWN} until published, and never taken
 * for blue.
 */
public enum TempoColour implements DayKind {
  BLUE,
  WHITE,
  RED,
  UNKNOWN;

  public boolean isKnown() {
    return this != UNKNOWN;
  }

  /** Red: 22 days a season whose peak costs about four times a blue one. */
  @Override
  public boolean isCritical() {
    return this == RED;
  }
}
