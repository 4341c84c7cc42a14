package fr.marstek.automation.device;

/** The battery answered a command with {@code set_result:false} or an error object. */
public final class CommandRejected extends Exception {

  private static final long serialVersionUID = 1L;

  public CommandRejected(String reason) {
    super(reason);
  }
}
