package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Tempo as a {@link Tariff}: colour from the calendar, period from the clock, dated prices. */
public record TempoTariff(TempoCalendar calendar, TempoPrices prices) implements Tariff {

  /** Tempo's hours alone: no colour is known, so {@link #periodAt} is always empty. */
  public static TempoTariff hours() {
    return new TempoTariff(TempoCalendar.of(Map.of()), TempoPrices.defaults());
  }

  @Override
  public boolean isOffPeak(Instant t) {
    return TempoDays.isOffPeak(t);
  }

  @Override
  public Instant nextPeriodChange(Instant t) {
    return TempoDays.nextPeriodChange(t);
  }

  @Override
  public Optional<PricePeriod> periodAt(Instant t) {
    LocalDate day = TempoDays.tempoDayOf(t);
    TempoColour colour = calendar.colourOf(day);
    if (!colour.isKnown()) {
      return Optional.empty();
    }
    boolean offPeak = TempoDays.isOffPeak(t);
    Instant start = offPeak ? TempoDays.offPeakStart(day) : TempoDays.start(day);
    Instant end = offPeak ? TempoDays.end(day) : TempoDays.offPeakStart(day);
    return prices
        .gridAt(t)
        .map(
            grid ->
                new PricePeriod(
                    start, end, grid.price(colour, offPeak), colour + (offPeak ? " HC" : " HP")));
  }
}
