package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.Variables;

/**
 * {@code MARSTEK_FACTORY_PORT}: the port tried once when a battery never answered on its own
 * (30000, where a Marstek battery's Open API listens out of the box); 0 never tries one.
 */
public final class FactoryPort {

  private FactoryPort() {}

  /** Reads the variable; a mistake is recorded in {@code variables}. */
  public static int from(Variables variables) {
    return variables.integer(
        "MARSTEK_FACTORY_PORT",
        FactoryPortProbe.FACTORY_PORT,
        0,
        65535,
        "a UDP port 1-65535, or 0 to never try another port than BATTERY_X_PORT");
  }
}
