package fr.marstek.automation.device.marstek.protocol;

/**
 * A control firmware version as the wire carries it ({@code ver}).
 *
 * @param wire the integer sent, such as 150 or 1476 (a sub-release of 147)
 */
public record Firmware(int wire) {

  public static final Firmware UNKNOWN = new Firmware(0);

  public Firmware {
    if (wire < 0) {
      throw new IllegalArgumentException("firmware version cannot be negative: " + wire);
    }
  }

  /** Four-digit sub-releases reduced to their release (1476 → 147), so versions compare. */
  public int release() {
    return wire >= 1000 && wire <= 9999 ? wire / 10 : wire;
  }

  public boolean isKnown() {
    return wire > 0;
  }

  public boolean isBetween(int fromRelease, int toRelease) {
    return release() >= fromRelease && release() <= toRelease;
  }

  public boolean isAtLeast(int release) {
    return release() >= release;
  }
}
