package fr.marstek.automation.tariff;

/** An energy price in EUR per kWh, taxes included. */
public record Price(double eurPerKwh) implements Comparable<Price> {

  public Price {
    if (!(eurPerKwh >= 0 && eurPerKwh < 100)) {
      throw new IllegalArgumentException("price out of range: " + eurPerKwh + " EUR/kWh");
    }
  }

  public static Price of(double eurPerKwh) {
    return new Price(eurPerKwh);
  }

  @Override
  public int compareTo(Price other) {
    return Double.compare(eurPerKwh, other.eurPerKwh);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%.4f EUR/kWh", eurPerKwh);
  }
}
