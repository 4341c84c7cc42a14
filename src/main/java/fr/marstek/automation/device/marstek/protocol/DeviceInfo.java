package fr.marstek.automation.device.marstek.protocol;

import java.util.Optional;

/**
 * {@code Marstek.GetDevice}: what a battery says about itself.
 *
 * @param bleMac the stable device key; from {@code src} when the result lacks it (HMG-50 fw 153)
 * @param wifiMac may be the access point's BSSID, so never an identity
 */
public record DeviceInfo(
    String model,
    Firmware firmware,
    Optional<String> bleMac,
    Optional<String> wifiMac,
    Optional<String> wifiName,
    Optional<String> ip) {

  public static DeviceInfo from(Reply reply) throws MalformedReply {
    Fields f = new Fields(reply.requireResult(), Method.GET_DEVICE.wireName());
    String model = f.text("device").orElseThrow(() -> noField("device"));
    double ver = f.number("ver").orElse(0);
    if (ver < 0 || ver > Integer.MAX_VALUE) {
      throw new MalformedReply("Marstek.GetDevice ver out of range: " + ver);
    }
    Optional<String> bleMac =
        f.text("ble_mac")
            .map(m -> m.toLowerCase(java.util.Locale.ROOT).replace(":", ""))
            .filter(m -> m.matches("[0-9a-f]{12}"))
            .or(reply::macFromSrc);
    return new DeviceInfo(
        model,
        new Firmware((int) ver),
        bleMac,
        f.text("wifi_mac"),
        f.text("wifi_name"),
        f.text("ip"));
  }

  private static MalformedReply noField(String key) {
    return new MalformedReply("Marstek.GetDevice result has no " + key);
  }
}
