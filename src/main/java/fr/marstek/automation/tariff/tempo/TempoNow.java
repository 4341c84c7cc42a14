package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.Price;
import java.time.Instant;
import java.time.LocalDate;
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

  public static TempoNow of(TempoColours colours, TempoPrices prices, Instant now) {
    TempoOutlook outlook = colours.outlook();
    LocalDate day = TempoDays.tempoDayOf(now);
    boolean offPeak = TempoDays.isOffPeak(now);
    Optional<TempoPriceGrid> grid = prices.gridAt(now);
    TempoColour colour = outlook.todayColour();
    Optional<Price> price =
        colour.isKnown() ? grid.map(g -> g.price(colour, offPeak)) : Optional.empty();
    return new TempoNow(
        now,
        outlook,
        colours.seasonTally(),
        offPeak,
        offPeak ? TempoDays.offPeakStart(day) : TempoDays.start(day),
        offPeak ? TempoDays.end(day) : TempoDays.offPeakStart(day),
        grid,
        price);
  }

  public TempoColour todayColour() {
    return outlook.todayColour();
  }

  /** The price now in EUR/kWh, or null while unknown: the shape JSON and templates want. */
  public Double priceEurPerKwhOrNull() {
    return price.map(Price::eurPerKwh).orElse(null);
  }
}
