package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tempo now and tomorrow, built once for every view (REST, dashboard, MQTT): the colours as far as
 * they are known, the period now with its bounds and price, the grid in force and the season so
 * far. Nothing here asks a provider.
 *
 * @param price the price of the period now, empty while today's colour is unknown (never taken for
 *     blue) or before the first known grid
 */
public record TempoNow(
    Instant at,
    TempoOutlook outlook,
    SeasonTally tally,
    boolean offPeak,
    Instant periodStart,
    Instant periodEnd,
    Optional<TempoPriceGrid> grid,
    Optional<Price> price) {

  /** Longer than any period of the tariff, so that the period now starts within it. */
  private static final Duration LOOK_BACK = Duration.ofDays(1);

  /**
   * The period and its price as {@code tariff} says (the service's live tariff, over the same
   * colours), the colours and the season as {@code colours} knows them, the grid shown from {@code
   * prices}.
   */
  public static TempoNow of(TempoColours colours, TempoPrices prices, Tariff tariff, Instant now) {
    Optional<PricePeriod> period = tariff.periodAt(now);
    return new TempoNow(
        now,
        colours.outlook(),
        colours.seasonTally(),
        tariff.isOffPeak(now),
        period.map(PricePeriod::start).orElseGet(() -> lastChangeAtOrBefore(tariff, now)),
        period.map(PricePeriod::end).orElseGet(() -> tariff.nextPeriodChange(now)),
        prices.gridAt(now),
        period.map(PricePeriod::price));
  }

  // The port names the next change only; an unpriced period still has hours, so walk up to now.
  private static Instant lastChangeAtOrBefore(Tariff tariff, Instant now) {
    Instant change = tariff.nextPeriodChange(now.minus(LOOK_BACK));
    for (Instant next = tariff.nextPeriodChange(change);
        !next.isAfter(now);
        next = tariff.nextPeriodChange(next)) {
      change = next;
    }
    return change;
  }

  public TempoColour todayColour() {
    return outlook.todayColour();
  }

  /** The price now in EUR/kWh, or null while unknown: the shape JSON and templates want. */
  public Double priceEurPerKwhOrNull() {
    return price.map(Price::eurPerKwh).orElse(null);
  }
}
