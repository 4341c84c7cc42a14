package fr.marstek.automation.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/** How often the simulated battery's Modbus front door showed each field quirk it models. */
public final class ModbusQuirks {

  private final AtomicInteger secondClientsRefused = new AtomicInteger();
  private final AtomicInteger controlLostAtReboot = new AtomicInteger();
  private final AtomicInteger controlLostToWorkModeWrite = new AtomicInteger();
  private final AtomicInteger forceWritesNotObeyed = new AtomicInteger();
  private final AtomicInteger undefinedAddressReads = new AtomicInteger();
  private final AtomicInteger aiReadAsSelfConsumption = new AtomicInteger();

  /** A connection closed at once because another client held the only slot (or it was not free). */
  public int secondClientsRefused() {
    return secondClientsRefused.get();
  }

  /** Reboots that dropped external control. */
  public int controlLostAtReboot() {
    return controlLostAtReboot.get();
  }

  /** Writes of the work mode (43000) that ended external control. */
  public int controlLostToWorkModeWrite() {
    return controlLostToWorkModeWrite.get();
  }

  /** Force writes (42010/42020/42021) acknowledged while external control was off. */
  public int forceWritesNotObeyed() {
    return forceWritesNotObeyed.get();
  }

  /** Reads that touched an address this profile does not have (answered with exception 2). */
  public int undefinedAddressReads() {
    return undefinedAddressReads.get();
  }

  /** Reads of 43000 answering 1 while the battery runs AI (2 was written). */
  public int aiReadAsSelfConsumption() {
    return aiReadAsSelfConsumption.get();
  }

  void secondClientRefused() {
    secondClientsRefused.incrementAndGet();
  }

  void controlLostAtReboot(boolean lost) {
    if (lost) {
      controlLostAtReboot.incrementAndGet();
    }
  }

  void workModeWriteEndedControl() {
    controlLostToWorkModeWrite.incrementAndGet();
  }

  void forceWriteNotObeyed() {
    forceWritesNotObeyed.incrementAndGet();
  }

  void undefinedAddressRead() {
    undefinedAddressReads.incrementAndGet();
  }

  void aiServedAsSelfConsumption() {
    aiReadAsSelfConsumption.incrementAndGet();
  }

  @Override
  public String toString() {
    return "second clients refused "
        + secondClientsRefused()
        + ", control lost at reboot "
        + controlLostAtReboot()
        + ", control lost to a work-mode write "
        + controlLostToWorkModeWrite()
        + ", force writes not obeyed "
        + forceWritesNotObeyed()
        + ", undefined addresses read "
        + undefinedAddressReads()
        + ", AI read as self-consumption "
        + aiReadAsSelfConsumption();
  }
}
