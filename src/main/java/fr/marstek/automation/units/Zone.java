package fr.marstek.automation.units;

import java.time.ZoneId;

/**
 * The house's time zone, named once: Tempo days, off-peak hours, daily totals, the times people
 * read and the battery's own clock are all Paris wall-clock time. {@code ModularityTest} fails when
 * another class names a zone.
 */
public final class Zone {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private Zone() {}
}
