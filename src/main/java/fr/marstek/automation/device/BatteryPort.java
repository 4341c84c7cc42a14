package fr.marstek.automation.device;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One battery, whatever speaks to it. Calls block (run them on virtual threads); an unreachable
 * battery is a checked exception the caller turns into state, never a crash.
 */
public interface BatteryPort {

  BatteryId id();

  /** A short human-readable address such as {@code 127.0.0.1:30001}. */
  String address();

  DeviceIdentity identify() throws BatteryUnreachable;

  BatteryStatus readStatus() throws BatteryUnreachable;

  /**
   * A status read; with {@code meterNeeded} the household meter is read in this very poll rather
   * than at the link's own slower pace (links that read it every poll anyway ignore the hint).
   */
  default BatteryStatus readStatus(boolean meterNeeded) throws BatteryUnreachable {
    return readStatus();
  }

  /** Sends the command and returns once the battery acknowledged it (not yet verified). */
  void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected;

  /**
   * Requests sent to the battery in the last hour, retries included, when this link counts them.
   */
  default OptionalInt requestsLastHour() {
    return OptionalInt.empty();
  }

  /**
   * Set when the battery answered on another port than the configured one (the factory port), which
   * this link then uses: the household should fix its {@code .env}.
   */
  default Optional<PortMismatch> portMismatch() {
    return Optional.empty();
  }

  /** The protocol this battery is spoken to with now: {@code openapi} or {@code modbus}. */
  default String protocol() {
    return "openapi";
  }
}
