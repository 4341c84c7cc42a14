package fr.marstek.automation.units;

/** A temperature. */
public record Celsius(double value) {

  public Celsius {
    if (!(value > -100 && value < 200)) {
      throw new IllegalArgumentException("temperature out of a battery's range: " + value + " °C");
    }
  }

  @Override
  public String toString() {
    return value + " °C";
  }
}
