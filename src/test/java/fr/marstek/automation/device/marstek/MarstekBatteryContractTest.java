package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryPortContract;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.InstantSource;

/** The Open API client over real UDP to a simulated device meets the battery port contract. */
class MarstekBatteryContractTest extends BatteryPortContract {

  private UdpBatteries fleet;

  @Override
  protected BatteryPort open(SimulatorOptions options, InstantSource clock) {
    fleet = UdpBatteries.start(UdpBatteries.fastPacing(Duration.ofMillis(150), 1), clock, options);
    return fleet.battery(1);
  }

  @Override
  protected SimulatedBattery battery() {
    return fleet.device(1).battery();
  }

  @Override
  protected void silence() {
    fleet.device(1).faults().apiDisabled(true);
  }

  @Override
  protected void closePort() {
    fleet.close();
  }
}
