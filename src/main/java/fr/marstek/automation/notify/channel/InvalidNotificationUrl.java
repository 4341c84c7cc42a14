package fr.marstek.automation.notify.channel;

/** A notification URL that cannot be used; the message says why and holds no secret. */
public final class InvalidNotificationUrl extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidNotificationUrl(String reason) {
    super(reason);
  }
}
