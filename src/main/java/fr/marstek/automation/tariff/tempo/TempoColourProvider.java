package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;

/**
 * A source of Tempo colours (RTE, a community service, ...): today's and tomorrow's colour, each
 * {@link TempoColour#UNKNOWN} while the source does not know it.
 */
public interface TempoColourProvider {

  /** A short stable name for health and logs, such as {@code rte} or {@code couleur-tempo}. */
  String name();

  /**
   * The colours of Tempo day {@code today} (06:00 to 06:00 Paris) and of the day after.
   *
   * @throws ProviderFailure when the source could not be asked or gave an unusable answer
   */
  TodayAndTomorrow colours(LocalDate today) throws ProviderFailure;
}
