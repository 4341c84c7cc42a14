package fr.marstek.automation.device.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryPortContract;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import java.time.InstantSource;

/** The Modbus client over real TCP to a simulated Venus E 3.0 meets the battery port contract. */
class ModbusBatteryContractTest extends BatteryPortContract {

  private TcpBatteries fleet;

  ModbusProfile profile() {
    return ModbusProfile.V3;
  }

  @Override
  protected BatteryPort open(SimulatorOptions options, InstantSource clock) {
    fleet = TcpBatteries.start(TcpBatteries.noPacing(), (MutableClock) clock, profile(), options);
    return fleet.battery(1);
  }

  @Override
  protected SimulatedBattery battery() {
    return fleet.simulated(1);
  }

  @Override
  protected void silence() {
    fleet.device(1).silence(true);
  }

  @Override
  protected void closePort() {
    fleet.close();
  }

  @Override
  protected boolean readsTheMeter() {
    return false;
  }

  /** Manual and Passive are run by the client on the force registers, under external control. */
  @Override
  protected void assertTheDeviceRuns(DeviceMode mode) {
    boolean forced = mode == DeviceMode.MANUAL || mode == DeviceMode.PASSIVE;
    assertThat(battery().externalControl().on()).isEqualTo(forced);
    if (!forced) {
      assertThat(battery().mode()).isEqualTo(mode);
    }
  }

  /** The same contract against a Venus E 2.0 behind a bridge (profile v2). */
  static class OverProfileV2 extends ModbusBatteryContractTest {
    @Override
    ModbusProfile profile() {
      return ModbusProfile.V2;
    }
  }
}
