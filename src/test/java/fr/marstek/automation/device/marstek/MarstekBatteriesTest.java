package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.DemoBatteries;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.modbus.ModbusClient;
import fr.marstek.automation.device.modbus.ModbusClientSettings;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedModbusDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.units.Percent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class MarstekBatteriesTest {

  private final List<ScriptedDevice> devices = new ArrayList<>();
  private MarstekTransport transport = TestSettings.transport(TestSettings.fast());

  @AfterEach
  void close() {
    transport.stop();
    devices.forEach(ScriptedDevice::close);
  }

  private ScriptedDevice device(InetAddress address) {
    ScriptedDevice device = ScriptedDevice.venusE(address);
    devices.add(device);
    return device;
  }

  private static VariableSource variables(Map<String, String> values) {
    return () -> new Variables(values);
  }

  private static ObjectProvider<DemoBatteries> demo(DemoBatteries demo) {
    var beans = new DefaultListableBeanFactory();
    if (demo != null) {
      beans.registerSingleton("demoBatteries", demo);
    }
    return beans.getBeanProvider(DemoBatteries.class);
  }

  @Test
  void drivesAModbusBatteryNextToAnOpenApiOneFromTheSameVariables() throws Exception {
    ScriptedDevice openApi = device(InetAddress.getLoopbackAddress());
    var options = SimulatorOptions.defaults().withInitialSoc(Percent.of(64));
    var modbusDevice =
        SimulatedModbusDevice.start(
            new SimulatedBattery(options, InstantSource.system()),
            options,
            ModbusProfile.V2,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Duration.ZERO,
            InstantSource.system());
    var modbus = ModbusClient.create(ModbusClientSettings.defaults(), InstantSource.system());
    try {
      var source =
          variables(
              Map.of(
                  "BATTERY_1_IP", "127.0.0.1",
                  "BATTERY_1_PORT", String.valueOf(openApi.port()),
                  "BATTERY_2_IP", "127.0.0.1",
                  "BATTERY_2_PROTOCOL", "modbus",
                  "BATTERY_2_PORT", String.valueOf(modbusDevice.address().getPort()),
                  "BATTERY_2_MODBUS_PROFILE", "v2"));

      var batteries = new MarstekBatteries(source, transport, demo(null), modbus);

      assertThat(batteries.all())
          .extracting(BatteryPort::id)
          .containsExactly(BatteryId.of(1), BatteryId.of(2));
      assertThat(batteries.all().get(1).address())
          .isEqualTo("modbus://127.0.0.1:" + modbusDevice.address().getPort() + "/1");
      // on the real clock the battery has discharged a little since: a whole percent on v2
      assertThat(batteries.all().get(1).readStatus().soc().value()).isBetween(63.0, 64.0);
    } finally {
      modbus.stop();
      modbusDevice.close();
    }
  }

  @Test
  void drivesTheConfiguredBatteriesInIdOrder() throws Exception {
    ScriptedDevice one = device(InetAddress.getLoopbackAddress());
    ScriptedDevice two = device(InetAddress.getLoopbackAddress());
    var source =
        variables(
            Map.of(
                "BATTERY_2_IP",
                "127.0.0.1",
                "BATTERY_2_PORT",
                String.valueOf(two.port()),
                "BATTERY_1_IP",
                "127.0.0.1",
                "BATTERY_1_PORT",
                String.valueOf(one.port())));

    var batteries = new MarstekBatteries(source, transport, demo(null));

    assertThat(batteries.isDemo()).isFalse();
    assertThat(batteries.all())
        .extracting(BatteryPort::id)
        .containsExactly(BatteryId.of(1), BatteryId.of(2));
    assertThat(batteries.find(BatteryId.of(2)).orElseThrow().address())
        .isEqualTo("127.0.0.1:" + two.port());
    assertThat(batteries.all().getFirst().readStatus().soc()).isEqualTo(Percent.of(62));
  }

  @Test
  void stopsStartUpOnABadBatteryAddressWithAClearMessage() {
    var source = variables(Map.of("BATTERY_1_IP", "not an address!", "BATTERY_3_PORT", "30003"));

    assertThatThrownBy(() -> new MarstekBatteries(source, transport, demo(null)))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("BATTERY_1_IP=not an address!: expected an IPv4 address")
        .hasMessageContaining("BATTERY_3_PORT=30003: expected BATTERY_3_IP to be set too");
  }

  @Test
  void startsThreeDemoBatteriesWhenNoneIsConfiguredAndSendsToThemFromAFreePort() throws Exception {
    transport.stop();
    transport =
        TestSettings.transport(TestSettings.fast().withLocalPortPolicy(LocalPortPolicy.DEVICE));
    DemoBatteries demo =
        count -> {
          List<BatteryEndpoint> endpoints = new ArrayList<>();
          for (int i = 1; i <= count; i++) {
            endpoints.add(device(InetAddress.ofLiteral("127.0.0.2")).endpoint(i));
          }
          return endpoints;
        };

    var batteries = new MarstekBatteries(variables(Map.of()), transport, demo(demo));
    batteries.all().getFirst().readStatus();

    assertThat(batteries.isDemo()).isTrue();
    assertThat(batteries.all()).hasSize(3);
    ScriptedDevice first = devices.getFirst();
    assertThat(first.received().getFirst().from().getPort())
        .as("not the device's own port, although 127.0.0.1:%d is free", first.port())
        .isNotEqualTo(first.port());
  }

  @Test
  void hasNoBatteryWhenNoneIsConfiguredAndNoSimulatorIsPresent() {
    var batteries = new MarstekBatteries(variables(Map.of()), transport, demo(null));

    assertThat(batteries.all()).isEmpty();
    assertThat(batteries.isDemo()).isFalse();
  }
}
