package fr.marstek.automation.notify.channel;

/** One attempt to deliver did not succeed; the message holds no secret. */
public final class DeliveryFailed extends Exception {

  private static final long serialVersionUID = 1L;

  public DeliveryFailed(String reason) {
    super(reason);
  }
}
