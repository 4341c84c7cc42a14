package fr.marstek.automation.device;

import java.net.InetSocketAddress;

/** Where a battery's Open API listens: its IP and UDP port. */
public record BatteryEndpoint(BatteryId id, InetSocketAddress address) {

  public BatteryEndpoint {
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("battery address is not resolved: " + address);
    }
  }

  /** {@code 192.168.1.20:30001}, the form the API and logs show. */
  public String hostAndPort() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
