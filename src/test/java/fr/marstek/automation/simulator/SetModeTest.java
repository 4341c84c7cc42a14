package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static fr.marstek.automation.simulator.UdpClient.setMode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** ES.SetMode with the spec's vectors, each checked by reading ES.GetMode back. */
class SetModeTest {

  // Thursday 15 January 2026, 19:00 in Paris: inside the 18:00-22:00 discharge slot.
  private final MutableClock clock = MutableClock.atParis("2026-01-15T19:00");
  private final SimulatedDevice device =
      SimulatedDevice.start(WireFormatTest.fixedLoadVenus(150), clock);
  private final UdpClient client = new UdpClient(device.address());

  @AfterEach
  void stop() {
    client.close();
    device.close();
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("{\"mode\":\"AI\",\"ai_cfg\":{\"enable\":1}}", "AI", 300),
        Arguments.of("{\"mode\":\"Auto\",\"auto_cfg\":{\"enable\":1}}", "Auto", 300),
        Arguments.of(
            "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":1,\"start_time\":\"18:00\","
                + "\"end_time\":\"22:00\",\"week_set\":127,\"power\":800,\"enable\":1}}",
            "Manual",
            800),
        Arguments.of(
            "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\","
                + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}",
            "Manual",
            0),
        Arguments.of(
            "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":-1000,\"cd_time\":300}}",
            "Passive",
            -1000),
        Arguments.of(
            "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":1500,\"cd_time\":1200}}",
            "Passive",
            800),
        Arguments.of("{\"mode\":\"UPS\",\"ups_cfg\":{\"enable\":1}}", "UPS", 0));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void eachModeIsAcknowledgedAndReadBack(String config, String mode, int ongridPower) {
    JsonNode ack = client.callJson(setMode(31, config));
    JsonNode read = client.callJson(request(32, "ES.GetMode")).get("result");

    assertThat(ack.get("id").intValue()).isEqualTo(31);
    assertThat(ack.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(ack.get("result").get("id").intValue()).isZero();
    assertThat(read.get("mode").stringValue()).isEqualTo(mode);
    assertThat(read.get("ongrid_power").intValue()).isEqualTo(ongridPower);
  }

  @Test
  void aManualCommandStoresItsSlotWithDaysFromWeekSet() {
    client.callJson(
        setMode(
            13,
            "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\","
                + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}"));

    var slot = device.battery().manualSlots().getFirst();
    assertThat(slot.index()).isZero();
    assertThat(slot.start()).isEqualTo(LocalTime.of(2, 0));
    assertThat(slot.end()).isEqualTo(LocalTime.of(6, 0));
    assertThat(slot.days()).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).hasSize(5);
    assertThat(slot.power()).isEqualTo(Watts.of(-2000));
    assertThat(slot.enabled()).isTrue();
  }

  @Test
  void systemWritesAreAcknowledgedAndTakeEffect() {
    JsonNode dod =
        client.callJson("{\"id\":18,\"method\":\"DOD.SET\",\"params\":{\"id\":0,\"value\":80}}");
    JsonNode led =
        client.callJson("{\"id\":19,\"method\":\"Led.Ctrl\",\"params\":{\"id\":0,\"state\":0}}");
    JsonNode ver =
        client.callJson(
            "{\"id\":21,\"method\":\"Set.Ver\",\"params\":{\"id\":0,\"version\":2500}}");
    client.callJson(
        setMode(22, "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":1500,\"cd_time\":60}}"));

    assertThat(dod.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(led.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(ver.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(device.battery().acPower()).isEqualTo(Watts.of(1500));
  }
}
