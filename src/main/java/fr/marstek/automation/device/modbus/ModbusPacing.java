package fr.marstek.automation.device.modbus;

import java.time.Duration;

/**
 * How to pace one battery's requests.
 *
 * @param gap least time between the end of one exchange and the next request
 * @param timeout one request's deadline
 * @param settle wait after writes before reading them back (the v3 applies writes asynchronously; a
 *     read-back 0.2 s later can still show the old value)
 * @param reconnectWait after a close the device frees its only client slot only after a delay
 */
public record ModbusPacing(
    Duration gap, Duration timeout, Duration settle, Duration reconnectWait) {

  public ModbusPacing {
    if (gap.isNegative() || settle.isNegative() || reconnectWait.isNegative()) {
      throw new IllegalArgumentException("pacing waits cannot be negative");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** No waits at all and this timeout: for tests against a loopback simulator. */
  public static ModbusPacing none(Duration timeout) {
    return new ModbusPacing(Duration.ZERO, timeout, Duration.ZERO, Duration.ZERO);
  }
}
