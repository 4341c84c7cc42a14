package fr.marstek.automation.device;

import java.util.Locale;

/** The operating mode a battery reports, as its Open API names them. */
public enum DeviceMode {
  /** Self-consumption: the battery regulates the meter reading toward 0 W. */
  AUTO("Auto"),
  /** Vendor cloud optimisation. */
  AI("AI"),
  /** Time-of-use slots written by a client or the app. */
  MANUAL("Manual"),
  /** A fixed AC setpoint for a countdown. */
  PASSIVE("Passive"),
  /** Backup reserve (firmware 150 and later). */
  UPS("UPS"),
  /** Reported a value we do not know, or could not be read. */
  UNKNOWN("Unknown");

  private final String wireName;

  DeviceMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses the wire name leniently (case, "Ups") and the integer form some transcriptions show. */
  public static DeviceMode fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String t = text.trim();
    switch (t) {
      case "0" -> {
        return AUTO;
      }
      case "1" -> {
        return AI;
      }
      case "2" -> {
        return MANUAL;
      }
      case "3" -> {
        return PASSIVE;
      }
      case "4" -> {
        return UPS;
      }
      default -> {}
    }
    for (DeviceMode mode : values()) {
      if (mode.wireName.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    return UNKNOWN;
  }
}
