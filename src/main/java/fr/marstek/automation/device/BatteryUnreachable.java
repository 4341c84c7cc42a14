package fr.marstek.automation.device;

/** The battery did not answer usefully: an expected state, shown as "offline" with the reason. */
public final class BatteryUnreachable extends Exception {

  private static final long serialVersionUID = 1L;

  public BatteryUnreachable(String reason) {
    super(reason);
  }

  public BatteryUnreachable(String reason, Throwable cause) {
    super(reason, cause);
  }
}
