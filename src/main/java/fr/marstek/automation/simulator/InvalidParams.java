package fr.marstek.automation.simulator;

/** A request whose params the device cannot use: answered with {@code -32602}. */
final class InvalidParams extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidParams(String reason) {
    super(reason);
  }
}
