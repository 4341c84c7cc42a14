package fr.marstek.automation.device;

import java.util.Locale;

/** How the service talks to a battery ({@code BATTERY_X_PROTOCOL}). */
public enum BatteryProtocol {
  /** The local UDP JSON-RPC "Open API" enabled in the Marstek app. */
  OPENAPI,
  /** Modbus TCP: Venus E 3.0's Ethernet port, or a Venus E 1.0/2.0 behind an RS485 bridge. */
  MODBUS;

  public String setting() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BatteryProtocol fromSetting(String raw) {
    return valueOf(raw.trim().toUpperCase(Locale.ROOT));
  }
}
