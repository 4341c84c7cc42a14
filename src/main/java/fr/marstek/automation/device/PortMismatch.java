package fr.marstek.automation.device;

/**
 * A battery that did not answer on its configured port but did on the factory one: the service
 * talks to it there until it restarts, and the household should set {@link #setting()} in {@code
 * .env} so that no request is wasted on the wrong port at the next start.
 *
 * @param configured the port {@code BATTERY_X_PORT} names (or its default 30000+X)
 * @param answering the port the battery answered on
 */
public record PortMismatch(BatteryId battery, int configured, int answering) {

  /** The {@code .env} line that fixes it, such as {@code BATTERY_2_PORT=30000}. */
  public String setting() {
    return "BATTERY_" + battery.value() + "_PORT=" + answering;
  }

  /**
   * The English sentence for logs and {@code /health}; the dashboard words it from the catalogue.
   */
  public String describe() {
    return "battery "
        + battery.value()
        + " answers on port "
        + answering
        + ", not "
        + configured
        + ": set "
        + setting()
        + " in .env (port "
        + answering
        + " is used until the service restarts)";
  }
}
