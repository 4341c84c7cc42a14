package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Today's and tomorrow's colour as far as the service knows them; {@code unknownReason} says why a
 * colour is {@link TempoColour#UNKNOWN} (not published yet, every source failing, Tempo turned
 * off); {@code sourcesFailing} is true when a source failed while a colour was still wanted.
 */
public record TempoOutlook(
    LocalDate today,
    TempoColour todayColour,
    TempoColour tomorrowColour,
    Optional<String> unknownReason,
    boolean sourcesFailing) {

  public LocalDate tomorrow() {
    return today.plusDays(1);
  }

  public boolean tomorrowPublished() {
    return tomorrowColour.isKnown();
  }
}
