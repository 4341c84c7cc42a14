package fr.marstek.automation.device.marstek.discovery;

import fr.marstek.automation.device.marstek.protocol.Firmware;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A battery that answered a discovery probe.
 *
 * @param address where the reply came from: the battery's IP and API port
 * @param bleMac the stable device key (from {@code src} on HMG-50 fw 153)
 * @param wifiMac may be the access point's BSSID, shared by several batteries
 */
public record DiscoveredBattery(
    String model,
    Firmware firmware,
    InetSocketAddress address,
    Optional<String> bleMac,
    Optional<String> wifiMac) {

  /** Dedupe key: BLE MAC, else the IP. */
  String key() {
    return bleMac.orElse(address.getAddress().getHostAddress());
  }

  public String ip() {
    return address.getAddress().getHostAddress();
  }

  public int port() {
    return address.getPort();
  }
}
