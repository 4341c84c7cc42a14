package fr.marstek.automation.device;

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

  /** Sends the command and returns once the battery acknowledged it (not yet verified). */
  void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected;
}
