package fr.marstek.automation.planning;

import java.util.Locale;

/** How a plan is made. */
public enum Strategy {
  /** No battery use at all: the baseline. */
  NONE,
  /** The seed's schedule: charge to full every off-peak night, cover the house at peak. */
  FIXED,
  /** Ours: charge only when it pays after losses and wear, full before red days. */
  TEMPO,
  /** Perfect foresight optimum of cost plus wear: the upper bound, for benchmarks. */
  ORACLE;

  public static Strategy parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "strategy must be none, fixed, tempo or oracle: " + name, e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
