package fr.marstek.automation.device.marstek.protocol;

/** Family and firmware of one battery: what the decoder needs to scale its values. */
public record DeviceProfile(Family family, Firmware firmware) {

  /** Before the battery identified itself: every value is taken in natural units. */
  public static final DeviceProfile UNKNOWN = new DeviceProfile(Family.UNKNOWN, Firmware.UNKNOWN);

  /**
   * Firmware on which owners saw the Open API reset the battery or turn itself off: Control below
   * 150, HMG-50 below 156 (field notes 1 #11). On it this client sends no {@code Bat.GetStatus}
   * (and it sends SYS writes on no firmware). A battery not identified yet counts as reset-prone.
   */
  public boolean resetProne() {
    if (!firmware.isKnown()) {
      return true;
    }
    return !firmware.isAtLeast(family == Family.HMG50 ? 156 : 150);
  }

  public static DeviceProfile of(DeviceInfo info) {
    return new DeviceProfile(Family.of(info.model()), info.firmware());
  }
}
