package fr.marstek.automation.device;

/** The X of {@code BATTERY_X_IP}: how the household names a battery. */
public record BatteryId(String value) implements Comparable<BatteryId> {

  public BatteryId {
    if (value == null || !value.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException(
          "battery id must be 1-32 letters, digits, '-' or '_': " + value);
    }
  }

  public static BatteryId of(int number) {
    return new BatteryId(Integer.toString(number));
  }

  @Override
  public int compareTo(BatteryId other) {
    // Numeric ids sort as numbers so that battery 10 comes after battery 9.
    boolean bothNumeric = value.matches("\\d+") && other.value.matches("\\d+");
    return bothNumeric
        ? Long.compare(Long.parseLong(value), Long.parseLong(other.value))
        : value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
