package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.FleetSettings;
import fr.marstek.automation.device.ModbusEndpoint;
import fr.marstek.automation.device.ModbusProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  @Test
  void aPortOutOfRangeIsNamedWithItsValueAndWhatIsExpected() {
    var variables = new Variables(Map.of("BATTERY_2_IP", "127.0.0.1", "BATTERY_2_PORT", "70000"));

    FleetSettings.from(variables);

    assertThat(variables.problems())
        .containsExactly("BATTERY_2_PORT=70000: expected a UDP port 1-65535");
  }

  @Test
  void everyMistakeIsListedAtOnce() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP", "not an address!",
                "BATTERY_3_IP", "127.0.0.1",
                "BATTERY_3_PORT", "abc",
                "BATTERY_4_PORT", "30004"));

    FleetSettings.from(variables);

    assertThatThrownBy(variables::check)
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("BATTERY_1_IP=not an address!: expected an IPv4 address")
        .hasMessageContaining("BATTERY_3_PORT=abc: expected a UDP port 1-65535")
        .hasMessageContaining("BATTERY_4_PORT=30004: expected BATTERY_4_IP to be set too");
  }

  @Test
  void batteriesNeedNoUpperBoundAndTenComesAfterNine() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_9_IP",
                "127.0.0.9",
                "BATTERY_10_IP",
                "127.0.0.10",
                "BATTERY_1_IP",
                "127.0.0.1"));

    var fleet = FleetSettings.from(variables);

    assertThat(fleet.batteries()).extracting(b -> b.id().value()).containsExactly("1", "9", "10");
    assertThat(fleet.batteries().get(2).address().getPort()).isEqualTo(30010);
  }

  @Test
  void twoBatteriesCannotShareAnAddress() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP",
                "127.0.0.1",
                "BATTERY_1_PORT",
                "30005",
                "BATTERY_5_IP",
                "127.0.0.1"));

    FleetSettings.from(variables);

    assertThat(variables.problems()).singleElement().asString().contains("already used");
  }

  @Test
  void secretsAreMaskedInMessages() {
    var variables = new Variables(Map.of("API_TOKEN", "short-secret"));

    variables.problem("API_TOKEN", "short-secret", "at least 16 characters");

    assertThat(variables.problems().getFirst())
        .doesNotContain("short-secret")
        .contains("API_TOKEN=****(12 chars)");
  }

  @Test
  void aBlankValueCountsAsUnset() {
    var variables = new Variables(Map.of("AUTO_MODE_START_HOUR", "  "));

    assertThat(variables.hour("AUTO_MODE_START_HOUR", 6)).isEqualTo(6);
    assertThat(variables.problems()).isEmpty();
  }

  @Test
  void aModbusBatteryDefaultsToPort502UnitOneAndProfileV3() {
    var variables =
        new Variables(Map.of("BATTERY_1_IP", "127.0.0.1", "BATTERY_1_PROTOCOL", "modbus"));

    var fleet = FleetSettings.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(fleet.batteries()).isEmpty();
    assertThat(fleet.modbus())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.address().getPort()).isEqualTo(502);
              assertThat(m.unit()).isEqualTo(1);
              assertThat(m.profile()).isEqualTo(ModbusProfile.V3);
            });
  }

  @Test
  void eachModbusMistakeIsOneLineSayingWhatIsExpected() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP", "127.0.0.1",
                "BATTERY_1_PROTOCOL", "mqtt",
                "BATTERY_2_IP", "127.0.0.2",
                "BATTERY_2_PROTOCOL", "Modbus",
                "BATTERY_2_MODBUS_UNIT", "300",
                "BATTERY_2_MODBUS_PROFILE", "v4",
                "BATTERY_2_PORT", "70000",
                "BATTERY_3_IP", "127.0.0.3",
                "BATTERY_3_MODBUS_UNIT", "2",
                "BATTERY_4_MODBUS_PROFILE", "v2"));

    FleetSettings.from(variables);

    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "BATTERY_1_PROTOCOL=mqtt: expected openapi (the Open API over UDP) or modbus (Modbus"
                + " TCP)",
            "BATTERY_2_MODBUS_UNIT=300: expected a Modbus unit id 1-247 (usually 1)",
            "BATTERY_2_MODBUS_PROFILE=v4: expected v3 (Venus E 3.0, A, D on their Ethernet port)"
                + " or v2 (Venus E 1.0/2.0 behind an RS485 bridge)",
            "BATTERY_2_PORT=70000: expected a TCP port 1-65535",
            "BATTERY_3_MODBUS_UNIT=2: expected BATTERY_3_PROTOCOL=modbus or BATTERY_3_MODBUS_HOST"
                + " too (a Modbus setting on an Open API battery)",
            "BATTERY_4_MODBUS_PROFILE=v2: expected BATTERY_4_IP to be set too (a setting for a"
                + " battery without an address)");
  }

  /** Issue 14: an Open API battery with a Modbus address too fails over to it. */
  @Test
  void anOpenApiBatteryMayNameAModbusAddressToFailOverTo() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP", "127.0.0.1",
                "BATTERY_1_MODBUS_HOST", "127.0.0.11",
                "BATTERY_1_MODBUS_PROFILE", "v2",
                "BATTERY_2_IP", "127.0.0.2",
                "BATTERY_2_MODBUS_HOST", "127.0.0.12",
                "BATTERY_2_MODBUS_PORT", "1502",
                "BATTERY_2_MODBUS_UNIT", "3"));

    FleetSettings fleet = FleetSettings.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(fleet.batteries()).hasSize(2);
    assertThat(fleet.modbus()).isEmpty();
    assertThat(fleet.failover())
        .extracting(m -> m.id().value(), ModbusEndpoint::hostAndPort, ModbusEndpoint::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "127.0.0.11:502", 1),
            org.assertj.core.groups.Tuple.tuple("2", "127.0.0.12:1502", 3));
    assertThat(fleet.failover().getFirst().profile()).isEqualTo(ModbusProfile.V2);
  }

  @Test
  void eachFailoverMistakeIsOneLine() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP", "127.0.0.1",
                "BATTERY_1_MODBUS_HOST", "not a host!",
                "BATTERY_2_IP", "127.0.0.2",
                "BATTERY_2_MODBUS_PORT", "502",
                "BATTERY_3_IP", "127.0.0.3",
                "BATTERY_3_PROTOCOL", "modbus",
                "BATTERY_3_MODBUS_HOST", "127.0.0.13",
                "BATTERY_4_IP", "127.0.0.4",
                "BATTERY_4_MODBUS_HOST", "127.0.0.14",
                "BATTERY_4_MODBUS_PORT", "70000"));

    FleetSettings.from(variables);

    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "BATTERY_1_MODBUS_HOST=not a host!: expected the battery's (or its RS485 bridge's)"
                + " IPv4 address such as 192.168.1.21, or a host name",
            "BATTERY_2_MODBUS_PORT=502: expected BATTERY_2_MODBUS_HOST to be set too",
            "BATTERY_3_MODBUS_HOST=127.0.0.13: expected no such setting on a Modbus battery (its"
                + " address is BATTERY_3_IP and BATTERY_3_PORT)",
            "BATTERY_4_MODBUS_PORT=70000: expected a TCP port 1-65535 (usually 502)");
  }
}
