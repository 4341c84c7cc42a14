package fr.marstek.automation.simulator;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryPortContract;
import java.time.InstantSource;

/** The in-process simulated port meets the same contract as the real client. */
class SimulatedBatteryPortContractTest extends BatteryPortContract {

  private SimulatedBatteryPort port;

  @Override
  protected BatteryPort open(SimulatorOptions options, InstantSource clock) {
    port = SimulatedBatteryPort.create(BatteryId.of(1), options, clock);
    return port;
  }

  @Override
  protected SimulatedBattery battery() {
    return port.battery();
  }

  @Override
  protected void silence() {
    port.offline(true);
  }

  @Override
  protected void closePort() {
    // Nothing to release: no socket behind this port.
  }
}
