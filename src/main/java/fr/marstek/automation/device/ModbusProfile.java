package fr.marstek.automation.device;

import java.util.Locale;

/**
 * Which register map a Modbus battery serves ({@code BATTERY_X_MODBUS_PROFILE}). The two bases run
 * unrelated firmware, so the profile is configured, never guessed by probing addresses that may not
 * exist on the other (a bad address can drop the connection).
 */
public enum ModbusProfile {
  /** Venus E 3.0, Venus A and Venus D: Modbus TCP on the battery's own Ethernet port. */
  V3,
  /** Venus E 1.0 and 2.0 (and Venus C), through an RS485-to-TCP bridge. */
  V2;

  /** {@code v3} or {@code v2}, as the variable is written. */
  public String setting() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ModbusProfile fromSetting(String raw) {
    return valueOf(raw.trim().toUpperCase(Locale.ROOT));
  }
}
