package fr.marstek.automation.device.marstek.protocol;

import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/** {@code Wifi.GetStatus}; {@code rssiDbm} is the signal strength in dBm. */
public record WifiStatus(
    Optional<String> wifiMac,
    Optional<String> ssid,
    OptionalInt rssiDbm,
    Optional<String> ip,
    Optional<String> gateway,
    Optional<String> mask,
    Optional<String> dns) {

  public static WifiStatus from(JsonNode result) throws MalformedReply {
    Fields f = new Fields(result, Method.WIFI_STATUS.wireName());
    var rssi = f.number("rssi");
    return new WifiStatus(
        f.text("wifi_mac"),
        f.text("ssid"),
        rssi.isPresent() ? OptionalInt.of((int) rssi.getAsDouble()) : OptionalInt.empty(),
        f.text("sta_ip"),
        f.text("sta_gate"),
        f.text("sta_mask"),
        f.text("sta_dns"));
  }
}
