package fr.marstek.automation.device.marstek.protocol;

import java.util.OptionalInt;

/**
 * The {@code error} object of a reply.
 *
 * @param data the firmware's detail code (402/403 busy, 424 component missing), when sent
 */
public record RpcError(int code, String message, OptionalInt data) {

  public static final int PARSE_ERROR = -32700;
  public static final int METHOD_NOT_FOUND = -32601;

  /** Also what a busy device answers to valid JSON, so worth another try. */
  public boolean isParseError() {
    return code == PARSE_ERROR;
  }

  public boolean isMethodNotFound() {
    return code == METHOD_NOT_FOUND;
  }

  @Override
  public String toString() {
    return "error " + code + " " + message + (data.isPresent() ? " (" + data.getAsInt() + ")" : "");
  }
}
