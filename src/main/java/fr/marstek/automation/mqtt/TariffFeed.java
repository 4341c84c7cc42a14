package fr.marstek.automation.mqtt;

import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoNow;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;

/**
 * Tempo and savings as Home Assistant sees them, read from what the service already knows: the
 * colours tariff holds (no provider is asked from here) and the savings history measures.
 */
final class TariffFeed {

  private final TempoColours colours;
  private final SavingsTotals savings;
  private final InstantSource clock;
  private final TempoPrices prices;
  private final Tariff tariff;

  TariffFeed(
      TempoColours colours,
      SavingsTotals savings,
      InstantSource clock,
      TempoPrices prices,
      Tariff tariff) {
    this.prices = prices;
    this.tariff = tariff;
    this.colours = colours;
    this.savings = savings;
    this.clock = clock;
  }

  /** False when {@code TEMPO_ENABLED=false}: the Tempo entities are removed from Home Assistant. */
  boolean tempoEnabled() {
    return colours.enabled();
  }

  TempoState tempo() {
    return TempoState.of(TempoNow.of(colours, prices, tariff, clock.instant()));
  }

  /** This month's and this season's savings, through today's Tempo day. */
  SavingsState savings() {
    Instant now = clock.instant();
    LocalDate today = TempoDays.tempoDayOf(now);
    TempoSeason season = TempoSeason.of(today);
    // A season starts on 1 September, so a month never straddles two seasons.
    return SavingsState.of(
        today,
        season.toString(),
        savings.between(today.withDayOfMonth(1), today),
        savings.between(season.firstDay(), today));
  }
}
