package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.units.Percent;

/** A state of charge outside 0-100 is a garbled reply, not a crash. */
final class Percents {

  private Percents() {}

  static Percent of(double value, String key) throws MalformedReply {
    if (!(value >= 0 && value <= 100)) {
      throw new MalformedReply(key + " out of 0-100: " + value);
    }
    return Percent.of(value);
  }
}
