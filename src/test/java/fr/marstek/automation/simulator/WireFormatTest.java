package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every read method's reply against the spec's section 7 test vectors, over real UDP. */
class WireFormatTest {

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");
  private SimulatedDevice device;
  private UdpClient client;

  @BeforeEach
  void start() {
    device = SimulatedDevice.start(fixedLoadVenus(150), clock);
    client = new UdpClient(device.address());
  }

  @AfterEach
  void stop() {
    client.close();
    device.close();
  }

  static SimulatorOptions fixedLoadVenus(int firmware) {
    return SimulatorOptions.defaults()
        .withFirmware(firmware)
        .withInitialSoc(Percent.of(62))
        .withLoad(HouseholdLoad.constant(Watts.of(300)));
  }

  @Test
  void discoveryReplyCarriesModelFirmwareMacsAndIp() {
    JsonNode reply =
        client.callJson(
            "{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}");

    assertThat(reply.propertyNames()).containsExactly("id", "src", "result");
    assertThat(reply.get("src").stringValue()).isEqualTo("VenusE 3.0-0123456789ab");
    JsonNode result = reply.get("result");
    assertThat(result.propertyNames())
        .containsExactly("device", "ver", "ble_mac", "wifi_mac", "wifi_name", "ip");
    assertThat(result.get("device").stringValue()).isEqualTo("VenusE 3.0");
    assertThat(result.get("ver").isInt()).isTrue();
    assertThat(result.get("ver").intValue()).isEqualTo(150);
    assertThat(result.get("ble_mac").stringValue()).isEqualTo("0123456789ab");
    assertThat(result.get("ip").stringValue()).isEqualTo("127.0.0.1");
  }

  @Test
  void repliesAreCompactJsonWithoutSpaces() {
    String raw = client.call(request(5, "ES.GetStatus"));

    assertThat(raw.replace("VenusE 3.0", "")).doesNotContain(" ").doesNotEndWith("\n");
  }

  @Test
  void wifiAndBleStatusHaveTheVectorFields() {
    JsonNode wifi = client.callJson(request(2, "Wifi.GetStatus")).get("result");
    JsonNode ble = client.callJson(request(3, "BLE.GetStatus")).get("result");

    assertThat(wifi.propertyNames())
        .containsExactly(
            "id", "wifi_mac", "ssid", "rssi", "sta_ip", "sta_gate", "sta_mask", "sta_dns");
    assertThat(wifi.get("rssi").isInt()).isTrue();
    assertThat(ble.propertyNames()).containsExactly("id", "state", "ble_mac");
    assertThat(ble.get("state").stringValue()).isIn("connect", "disconnect");
  }

  @Test
  void batteryStatusReportsTemperatureAndCapacitiesAsFloats() {
    JsonNode result = client.callJson(request(4, "Bat.GetStatus")).get("result");

    assertThat(result.propertyNames())
        .containsExactly(
            "id",
            "soc",
            "charg_flag",
            "dischrg_flag",
            "bat_temp",
            "bat_capacity",
            "rated_capacity");
    assertThat(result.get("soc").isInt()).isTrue();
    assertThat(result.get("soc").intValue()).isEqualTo(62);
    assertThat(result.get("charg_flag").isBoolean()).isTrue();
    for (String field : List.of("bat_temp", "bat_capacity", "rated_capacity")) {
      assertThat(result.get(field).isFloatingPointNumber()).as(field).isTrue();
    }
    assertThat(result.get("bat_capacity").doubleValue()).isEqualTo(3174.0);
    assertThat(result.get("rated_capacity").doubleValue()).isEqualTo(5120.0);
  }

  @Test
  void energySystemStatusHasIntegersAndNoBatPower() {
    JsonNode reply = client.callJson(request(5, "ES.GetStatus"));
    JsonNode result = reply.get("result");

    assertThat(reply.get("id").intValue()).isEqualTo(5);
    assertThat(result.propertyNames())
        .containsExactly(
            "id",
            "bat_soc",
            "bat_cap",
            "pv_power",
            "ongrid_power",
            "offgrid_power",
            "total_pv_energy",
            "total_grid_output_energy",
            "total_grid_input_energy",
            "total_load_energy")
        .doesNotContain("bat_power");
    result.properties().forEach(e -> assertThat(e.getValue().isIntegralNumber()).isTrue());
    assertThat(result.get("bat_cap").intValue()).isEqualTo(5120);
    assertThat(result.get("ongrid_power").intValue()).isEqualTo(300);
  }

  @Test
  void modeOnFirmware150CarriesTheMeterKeysAsZeros() {
    JsonNode result = client.callJson(request(7, "ES.GetMode")).get("result");

    assertThat(result.propertyNames())
        .containsExactly(
            "id",
            "mode",
            "ongrid_power",
            "offgrid_power",
            "bat_soc",
            "ct_state",
            "a_power",
            "b_power",
            "c_power",
            "total_power",
            "input_energy",
            "output_energy");
    assertThat(result.get("mode").stringValue()).isEqualTo("Auto");
    assertThat(result.get("total_power").intValue()).isZero();
  }

  @Test
  void modeOnFirmware144HasOnlyTheFourOldKeys() {
    try (SimulatedDevice old = SimulatedDevice.start(fixedLoadVenus(144), clock);
        UdpClient oldClient = new UdpClient(old.address())) {

      JsonNode result = oldClient.callJson(request(6, "ES.GetMode")).get("result");

      assertThat(result.propertyNames())
          .containsExactly("id", "mode", "ongrid_power", "offgrid_power", "bat_soc");
    }
  }

  @Test
  void firmware153DiscoveryHasNoMacs() {
    try (SimulatedDevice hmg =
            SimulatedDevice.start(fixedLoadVenus(153).withModel("VenusC"), clock);
        UdpClient hmgClient = new UdpClient(hmg.address())) {

      JsonNode reply =
          hmgClient.callJson(
              "{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}");

      assertThat(reply.get("src").stringValue()).isEqualTo("VenusC-0123456789ab");
      assertThat(reply.get("result").propertyNames()).containsExactly("device", "ver", "ip");
    }
  }

  @Test
  void meterStatusShowsTheHouseholdImportMinusBatteryPower() {
    JsonNode result = client.callJson(request(8, "EM.GetStatus")).get("result");

    assertThat(result.propertyNames())
        .containsExactly(
            "id",
            "ct_state",
            "a_power",
            "b_power",
            "c_power",
            "total_power",
            "input_energy",
            "output_energy");
    assertThat(result.get("ct_state").intValue()).isEqualTo(1);
    assertThat(result.get("total_power").intValue()).isZero();
  }

  @Test
  void requestIdIsEchoedAsUnsigned16Bits() {
    assertThat(client.callJson(request(65537, "BLE.GetStatus")).get("id").intValue()).isEqualTo(1);
    assertThat(client.callJson(request(65535, "BLE.GetStatus")).get("id").intValue())
        .isEqualTo(65535);
  }

  @Test
  void aStringIdIsAnsweredAsZero() {
    JsonNode reply =
        client.callJson("{\"id\":\"abc\",\"method\":\"BLE.GetStatus\",\"params\":{\"id\":0}}");

    assertThat(reply.get("id").intValue()).isZero();
    assertThat(reply.has("result")).isTrue();
  }
}
