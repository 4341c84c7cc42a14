package fr.marstek.automation.tariff.tempo;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.PriceList;
import java.time.LocalDate;
import java.util.Objects;

/** The six Tempo prices (TTC, energy part) in force from {@code validFrom}. */
public record TempoPriceGrid(
    LocalDate validFrom,
    Price blueOffPeak,
    Price bluePeak,
    Price whiteOffPeak,
    Price whitePeak,
    Price redOffPeak,
    Price redPeak)
    implements PriceList {

  public TempoPriceGrid {
    Objects.requireNonNull(validFrom, "validFrom");
    for (Price p :
        new Price[] {blueOffPeak, bluePeak, whiteOffPeak, whitePeak, redOffPeak, redPeak}) {
      Objects.requireNonNull(p, "every one of the six prices is required");
    }
  }

  /** Six numbers in the order of tempo.md's table: blue HC, blue HP, white HC, ... red HP. */
  public static TempoPriceGrid of(LocalDate validFrom, double... eurPerKwh) {
    if (eurPerKwh.length != 6) {
      throw new IllegalArgumentException("a Tempo grid has six prices, got " + eurPerKwh.length);
    }
    return new TempoPriceGrid(
        validFrom,
        Price.of(eurPerKwh[0]),
        Price.of(eurPerKwh[1]),
        Price.of(eurPerKwh[2]),
        Price.of(eurPerKwh[3]),
        Price.of(eurPerKwh[4]),
        Price.of(eurPerKwh[5]));
  }

  public Price price(TempoColour colour, boolean offPeak) {
    return switch (colour) {
      case BLUE -> offPeak ? blueOffPeak : bluePeak;
      case WHITE -> offPeak ? whiteOffPeak : whitePeak;
      case RED -> offPeak ? redOffPeak : redPeak;
      case UNKNOWN -> throw new IllegalArgumentException("an unknown colour has no price");
    };
  }

  @Override
  public Price price(DayKind kind, boolean offPeak) {
    if (!(kind instanceof TempoColour colour)) {
      throw new IllegalArgumentException("not a Tempo colour: " + kind.name());
    }
    return price(colour, offPeak);
  }

  @Override
  public Price cheapestOffPeak() {
    return min(blueOffPeak, min(whiteOffPeak, redOffPeak));
  }

  @Override
  public Price cheapestPeak() {
    return min(bluePeak, min(whitePeak, redPeak));
  }

  @Override
  public Price dearestPeak() {
    return max(bluePeak, max(whitePeak, redPeak));
  }

  private static Price min(Price a, Price b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Price max(Price a, Price b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
