package fr.marstek.automation.device.marstek.protocol;

/** Family and firmware of one battery: what the decoder needs to scale its values. */
public record DeviceProfile(Family family, Firmware firmware) {

  /** Before the battery identified itself: every value is taken in natural units. */
  public static final DeviceProfile UNKNOWN = new DeviceProfile(Family.UNKNOWN, Firmware.UNKNOWN);

  public static DeviceProfile of(DeviceInfo info) {
    return new DeviceProfile(Family.of(info.model()), info.firmware());
  }
}
