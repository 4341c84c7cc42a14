package fr.marstek.automation.device.marstek.protocol;

/** A datagram or result that cannot be read as the expected message. */
public final class MalformedReply extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedReply(String reason) {
    super(reason);
  }
}
