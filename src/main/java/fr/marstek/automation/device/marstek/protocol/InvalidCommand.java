package fr.marstek.automation.device.marstek.protocol;

/** A command the client refuses to send, such as a power beyond the family's limit. */
public final class InvalidCommand extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidCommand(String reason) {
    super(reason);
  }
}
