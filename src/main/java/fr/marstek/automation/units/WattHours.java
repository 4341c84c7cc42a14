package fr.marstek.automation.units;

import java.time.Duration;

/** Energy. */
public record WattHours(double value) implements Comparable<WattHours> {

  public static final WattHours ZERO = new WattHours(0);

  public WattHours {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("energy must be a finite number of watt-hours: " + value);
    }
  }

  public static WattHours of(double value) {
    return new WattHours(value);
  }

  public static WattHours ofKilowattHours(double kwh) {
    return new WattHours(kwh * 1000);
  }

  /** The energy that a constant power delivers over a duration. */
  public static WattHours of(Watts power, Duration duration) {
    return new WattHours(power.value() * duration.toNanos() / 3.6e12);
  }

  public double kilowattHours() {
    return value / 1000;
  }

  public WattHours plus(WattHours other) {
    return new WattHours(value + other.value);
  }

  public WattHours minus(WattHours other) {
    return new WattHours(value - other.value);
  }

  public WattHours times(double factor) {
    return new WattHours(value * factor);
  }

  @Override
  public int compareTo(WattHours other) {
    return Double.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Math.round(value) + " Wh";
  }
}
