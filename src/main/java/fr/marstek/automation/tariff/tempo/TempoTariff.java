package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.PriceList;
import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Tempo as a {@link Tariff}: the day's colour from {@code colours} (a calendar, or the colours
 * known now), the period from the clock, the price from the dated grids.
 */
public record TempoTariff(ColourOfDay colours, TempoPrices prices) implements Tariff {

  /** Tempo's kinds of day, in {@link TempoColour#ordinal()} order. */
  public static final List<DayKind> KINDS =
      List.of(TempoColour.BLUE, TempoColour.WHITE, TempoColour.RED);

  /** Tempo's hours alone: no colour is known, so {@link #periodAt} is always empty. */
  public static TempoTariff hours() {
    return new TempoTariff(day -> TempoColour.UNKNOWN, TempoPrices.defaults());
  }

  @Override
  public boolean isOffPeak(Instant t) {
    return TempoDays.isOffPeak(t);
  }

  @Override
  public boolean isOffPeak(LocalDateTime local) {
    return TempoDays.isOffPeak(local);
  }

  @Override
  public Instant nextPeriodChange(Instant t) {
    return TempoDays.nextPeriodChange(t);
  }

  @Override
  public Optional<PricePeriod> periodAt(Instant t) {
    LocalDate day = TempoDays.tempoDayOf(t);
    TempoColour colour = colours.colourOf(day);
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

  @Override
  public LocalDate dayOf(LocalDateTime local) {
    return TempoDays.tempoDayOf(local);
  }

  @Override
  public Instant dayStart(LocalDate day) {
    return TempoDays.start(day);
  }

  @Override
  public List<DayKind> kinds() {
    return KINDS;
  }

  @Override
  public Optional<DayKind> kindOf(LocalDate day) {
    TempoColour colour = colours.colourOf(day);
    return colour.isKnown() ? Optional.of(colour) : Optional.empty();
  }

  /**
   * Red, white or blue by Tempo's rules, and by the season's days left when the calendar has them.
   */
  @Override
  public DayKind worstCase(LocalDate day) {
    return colours.worstCaseColour(day);
  }

  @Override
  public Optional<PriceList> pricesOn(LocalDate date) {
    return prices.gridOn(date).map(PriceList.class::cast);
  }
}
