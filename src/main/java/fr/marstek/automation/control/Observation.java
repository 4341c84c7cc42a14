package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import java.util.Optional;

/** The cycle's first step, and where its read-back goes: the observer's health records. */
interface Observation {

  /**
   * Reads the battery and records its health; empty when it did not answer (the observer tells when
   * it goes offline and comes back).
   */
  Optional<BatteryStatus> observe(BatteryPort port, boolean readMeter, Outbox outbox);

  /** A read-back after a command is the battery's newest report. */
  void readBack(BatteryStatus status);
}
