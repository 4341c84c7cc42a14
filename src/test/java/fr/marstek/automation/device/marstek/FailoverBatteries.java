package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.ModbusEndpoint;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.modbus.ModbusClient;
import fr.marstek.automation.device.modbus.TcpBatteries;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatedModbusDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * One simulated battery with both front doors on loopback, the Open API over UDP and Modbus TCP on
 * the same battery model, driven as the service drives a battery configured with {@code
 * BATTERY_1_IP} and {@code BATTERY_1_MODBUS_HOST}: over the Open API until it falls silent.
 */
public final class FailoverBatteries implements Batteries, AutoCloseable {

  private final MarstekTransport transport;
  private final ModbusClient modbusClient;
  private final SimulatedDevice openApi;
  private final SimulatedModbusDevice modbus;
  private final BatteryPort port;

  private FailoverBatteries(SimulatorOptions options, InstantSource clock) {
    MarstekClientSettings settings = UdpBatteries.fastPacing();
    this.transport =
        new MarstekTransport(
            settings, new SystemTransportClock(InstantSource.system()), new RequestIds(), clock);
    this.openApi = SimulatedDevice.start(options.withBleMac("012345678901"), clock);
    this.modbus =
        SimulatedModbusDevice.start(
            openApi.battery(),
            options,
            ModbusProfile.V3,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Duration.ZERO,
            clock);
    this.modbusClient = ModbusClient.create(TcpBatteries.noPacing(), clock);
    BatteryId id = BatteryId.of(1);
    var primary =
        new MarstekBattery(
            transport.link(new BatteryEndpoint(id, openApi.address()), LocalPortPolicy.EPHEMERAL),
            transport.clock(),
            settings);
    var secondary =
        modbusClient.open(new ModbusEndpoint(id, modbus.address(), 1, ModbusProfile.V3));
    this.port = new FailoverBattery(primary, secondary);
  }

  public static FailoverBatteries start(SimulatorOptions options, InstantSource clock) {
    return new FailoverBatteries(options, clock);
  }

  public SimulatedDevice openApi() {
    return openApi;
  }

  public SimulatedModbusDevice modbus() {
    return modbus;
  }

  public BatteryPort battery() {
    return port;
  }

  @Override
  public List<BatteryPort> all() {
    return List.of(port);
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  @Override
  public void close() {
    modbusClient.stop();
    transport.stop();
    openApi.close();
    modbus.close();
  }
}
