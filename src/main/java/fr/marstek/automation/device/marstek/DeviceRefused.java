package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.marstek.protocol.RpcError;

/** The battery answered the request with an error object (not the retryable busy one). */
final class DeviceRefused extends Exception {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialised
  private final RpcError error;

  DeviceRefused(RpcError error) {
    super(error.toString());
    this.error = error;
  }

  RpcError error() {
    return error;
  }
}
