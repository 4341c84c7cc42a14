package fr.marstek.automation.units;

/**
 * Electric power. Sign conventions belong to the field that carries it, and are documented there.
 */
public record Watts(double value) implements Comparable<Watts> {

  public static final Watts ZERO = new Watts(0);

  public Watts {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("power must be a finite number of watts: " + value);
    }
  }

  public static Watts of(double value) {
    return new Watts(value);
  }

  public int rounded() {
    return (int) Math.round(value);
  }

  public Watts negate() {
    return new Watts(-value);
  }

  public Watts abs() {
    return new Watts(Math.abs(value));
  }

  public Watts plus(Watts other) {
    return new Watts(value + other.value);
  }

  public Watts minus(Watts other) {
    return new Watts(value - other.value);
  }

  public Watts clamp(Watts min, Watts max) {
    return new Watts(Math.max(min.value, Math.min(max.value, value)));
  }

  @Override
  public int compareTo(Watts other) {
    return Double.compare(value, other.value);
  }

  @Override
  public String toString() {
    return rounded() + " W";
  }
}
