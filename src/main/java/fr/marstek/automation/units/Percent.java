package fr.marstek.automation.units;

/** A share from 0 to 100 %, such as a state of charge. */
public record Percent(double value) implements Comparable<Percent> {

  public Percent {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("percent out of range 0-100: " + value);
    }
  }

  public static Percent of(double value) {
    return new Percent(value);
  }

  /** Clamps into 0..100, for values computed by physics rather than read from a user. */
  public static Percent clamped(double value) {
    return new Percent(Math.max(0, Math.min(100, value)));
  }

  public double fraction() {
    return value / 100;
  }

  @Override
  public int compareTo(Percent other) {
    return Double.compare(value, other.value);
  }

  @Override
  public String toString() {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value))
        + " %";
  }
}
