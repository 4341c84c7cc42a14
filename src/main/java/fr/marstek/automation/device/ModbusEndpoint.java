package fr.marstek.automation.device;

import java.net.InetSocketAddress;

/**
 * Where a battery serves Modbus TCP: its (or its RS485 bridge's) IP and TCP port, the unit id and
 * the register profile.
 */
public record ModbusEndpoint(
    BatteryId id, InetSocketAddress address, int unit, ModbusProfile profile) {

  public static final int DEFAULT_PORT = 502;
  public static final int DEFAULT_UNIT = 1;

  public ModbusEndpoint {
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("battery address is not resolved: " + address);
    }
    if (unit < 1 || unit > 247) {
      throw new IllegalArgumentException("a Modbus unit id is 1-247, was " + unit);
    }
  }

  /** {@code 192.168.1.20:502}, the form the API and logs show. */
  public String hostAndPort() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
