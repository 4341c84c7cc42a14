package fr.marstek.automation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's Modbus front door, spoken to by a bare Modbus client over loopback TCP. */
class SimulatedModbusDeviceTest {

  private final MutableClock clock = MutableClock.atParis("2026-12-01T23:00:00");
  private final List<ModbusTcpClient> clients = new ArrayList<>();
  private SimulatedModbusDevice device;

  private SimulatedModbusDevice start(ModbusProfile profile, Duration slotRelease) {
    SimulatorOptions options =
        SimulatorOptions.defaults()
            .withInitialSoc(Percent.of(40))
            .withLoad(HouseholdLoad.constant(Watts.of(300)));
    device =
        SimulatedModbusDevice.start(
            new SimulatedBattery(options, clock),
            options,
            profile,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            slotRelease,
            clock);
    return device;
  }

  /** A client expected to be served: a generous timeout, since a loaded CI machine answers late. */
  private ModbusTcpClient client() throws ModbusException {
    return client(Duration.ofSeconds(10));
  }

  /** A client expected to be turned away: a failed read costs this timeout at most. */
  private ModbusTcpClient refusedClient() throws ModbusException {
    return client(Duration.ofSeconds(1));
  }

  private ModbusTcpClient client(Duration requestTimeout) throws ModbusException {
    var transport =
        NettyTcpClientTransport.create(
            cfg -> {
              cfg.setHostname("127.0.0.1");
              cfg.setPort(device.address().getPort());
              cfg.setConnectPersistent(false);
            });
    var client = ModbusTcpClient.create(transport, cfg -> cfg.setRequestTimeout(requestTimeout));
    client.connect();
    clients.add(client);
    return client;
  }

  private static int read(ModbusTcpClient client, int address) throws ModbusException {
    byte[] bytes =
        client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(address, 1)).registers();
    return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
  }

  private static void write(ModbusTcpClient client, int address, int value) throws ModbusException {
    client.writeSingleRegister(1, new WriteSingleRegisterRequest(address, value));
  }

  private static void leave(ModbusTcpClient client) {
    try {
      client.disconnect();
    } catch (ModbusException e) {
      // already closed by the device
    }
  }

  @AfterEach
  void close() {
    for (ModbusTcpClient c : clients) {
      try {
        c.disconnect();
      } catch (ModbusException e) {
        // already closed by the device
      }
    }
    device.close();
  }

  @Test
  void servesOneClientAtATimeAndRefusesASecondUntilTheFirstLeftAndTheSlotIsFree() throws Exception {
    start(ModbusProfile.V3, Duration.ofSeconds(1));
    var first = client();
    assertThat(read(first, 34002)).isEqualTo(400);

    var second = refusedClient(); // the connection opens, then the device closes it at once
    assertThatThrownBy(() -> read(second, 34002)).isInstanceOf(ModbusException.class);
    leave(second); // so that no retry of its own takes the slot later in this test
    assertThat(read(first, 34002)).as("the first client is not disturbed").isEqualTo(400);
    int refused = device.quirks().secondClientsRefused();
    assertThat(refused).as("at least once: the client may try again on its own").isPositive();

    first.disconnect();
    await().atMost(Duration.ofSeconds(5)).until(() -> !device.hasClient());
    var tooSoon = refusedClient();
    assertThatThrownBy(() -> read(tooSoon, 34002)).isInstanceOf(ModbusException.class);
    leave(tooSoon);
    clock.advance(Duration.ofSeconds(1));
    var later = client();
    assertThat(read(later, 34002)).as("a second of discharge later").isBetween(399, 400);
    assertThat(device.quirks().secondClientsRefused()).isGreaterThan(refused);
  }

  @Test
  void obeysForceWritesOnlyUnderExternalControlButAcknowledgesThemAnyway() throws Exception {
    start(ModbusProfile.V3, Duration.ZERO);
    var client = client();

    write(client, 42020, 2000);
    write(client, 42010, 1);

    assertThat(device.quirks().forceWritesNotObeyed()).isEqualTo(2);
    assertThat(device.battery().acPower().value()).as("self-consumption goes on").isPositive();
    assertThat(read(client, 42000)).isEqualTo(0x55BB);

    write(client, 42000, 0x55AA);

    assertThat(read(client, 42000)).isEqualTo(0x55AA);
    assertThat(device.battery().acPower().value()).isEqualTo(-2000);
    assertThat(read(client, 43000)).as("reads 1 while external control is on").isEqualTo(1);
  }

  @Test
  void writingTheWorkModeEndsExternalControlAndARebootLosesItAndTheForceRegisters()
      throws Exception {
    start(ModbusProfile.V3, Duration.ZERO);
    var client = client();
    write(client, 42000, 0x55AA);
    write(client, 42021, 500);
    write(client, 42010, 2);

    write(client, 43000, 0);

    assertThat(device.battery().externalControl().on()).isFalse();
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(device.quirks().controlLostToWorkModeWrite()).isEqualTo(1);

    write(client, 42000, 0x55AA);
    device.reboot();

    assertThat(device.battery().externalControl()).isEqualTo(new ForceCommand(false, 0, 0, 0));
    assertThat(device.battery().mode())
        .as("the saved work mode is kept")
        .isEqualTo(DeviceMode.MANUAL);
    assertThat(device.quirks().controlLostAtReboot()).isEqualTo(1);
  }

  @Test
  void readsAiBackAsSelfConsumptionAsRealFirmwareDoes() throws Exception {
    start(ModbusProfile.V3, Duration.ZERO);
    var client = client();

    write(client, 43000, 2);

    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AI);
    assertThat(read(client, 43000)).isEqualTo(1);
    assertThat(device.quirks().aiReadAsSelfConsumption()).isEqualTo(1);
  }

  @Test
  void refusesAddressesItsProfileDoesNotHaveAndValuesBeyondTheRegistersRange() throws Exception {
    start(ModbusProfile.V2, Duration.ZERO);
    var client = client();

    assertThat(read(client, 32104)).as("SoC in whole % on both bases").isEqualTo(40);
    assertThatThrownBy(() -> read(client, 34002))
        .isInstanceOf(ModbusResponseException.class)
        .satisfies(e -> assertThat(((ModbusResponseException) e).getExceptionCode()).isEqualTo(2));
    assertThat(device.quirks().undefinedAddressReads()).isEqualTo(1);
    assertThatThrownBy(() -> write(client, 42020, 3000))
        .isInstanceOf(ModbusResponseException.class)
        .satisfies(e -> assertThat(((ModbusResponseException) e).getExceptionCode()).isEqualTo(3));
  }
}
