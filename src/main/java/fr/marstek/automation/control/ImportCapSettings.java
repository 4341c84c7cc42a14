package fr.marstek.automation.control;

import fr.marstek.automation.config.Variables;
import java.util.List;
import java.util.OptionalInt;

/**
 * The most the house may import from the grid while batteries charge: {@code MAX_GRID_IMPORT_W}, or
 * 90 % of {@code SUBSCRIBED_KVA} (the margin covers a load that starts between two meter readings).
 * Neither set: no cap.
 *
 * @param subscribedKva the contract's subscribed power, when given
 * @param limitW the cap in watts, infinite for none
 */
public record ImportCapSettings(OptionalInt subscribedKva, double limitW) {

  /** The powers EDF sells (Tempo starts at 6 kVA). */
  static final List<Integer> KVA = List.of(3, 6, 9, 12, 15, 18, 24, 30, 36);

  /** Share of the subscribed power left to the house and the batteries. */
  static final double SHARE_OF_SUBSCRIBED = 0.9;

  public ImportCapSettings {
    if (!(limitW > 0)) {
      throw new IllegalArgumentException("import cap must be positive: " + limitW);
    }
  }

  public static ImportCapSettings none() {
    return new ImportCapSettings(OptionalInt.empty(), Double.POSITIVE_INFINITY);
  }

  public static ImportCapSettings ofWatts(double limitW) {
    return new ImportCapSettings(OptionalInt.empty(), limitW);
  }

  public boolean isSet() {
    return !Double.isInfinite(limitW);
  }

  /** Reads and checks both variables; mistakes are recorded in {@code variables}. */
  public static ImportCapSettings from(Variables variables) {
    int kva =
        variables.get(
            "SUBSCRIBED_KVA",
            0,
            "the subscribed power of the electricity contract in kVA: one of " + KVA,
            raw -> {
              int value = Integer.parseInt(raw.strip());
              if (!KVA.contains(value)) {
                throw new IllegalArgumentException("not a subscribed power");
              }
              return value;
            });
    int most = kva > 0 ? kva * 1000 : 36_000;
    int limit =
        variables.integer(
            "MAX_GRID_IMPORT_W",
            0,
            500,
            most,
            kva > 0
                ? "the most the house may import while batteries charge, 500-"
                    + most
                    + " W (at most SUBSCRIBED_KVA="
                    + kva
                    + " x 1000 W)"
                : "the most the house may import while batteries charge, 500-36000 W");
    OptionalInt subscribed = kva > 0 ? OptionalInt.of(kva) : OptionalInt.empty();
    if (limit > 0) {
      return new ImportCapSettings(subscribed, limit);
    }
    if (kva > 0) {
      return new ImportCapSettings(subscribed, kva * 1000 * SHARE_OF_SUBSCRIBED);
    }
    return none();
  }
}
