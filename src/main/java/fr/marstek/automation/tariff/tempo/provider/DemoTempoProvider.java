package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColourProvider;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import java.time.LocalDate;

/**
 * The demo's simulated Tempo calendar, without the internet: today white, tomorrow red, so that a
 * new user sees a red day coming and the night charge planned for it. Used only when no battery and
 * no provider are configured; the dashboard's banner says the colours are simulated.
 */
final class DemoTempoProvider implements TempoColourProvider {

  static final String NAME = "demo";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TodayAndTomorrow colours(LocalDate today) {
    return new TodayAndTomorrow(today, TempoColour.WHITE, TempoColour.RED);
  }
}
