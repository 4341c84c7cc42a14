package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static fr.marstek.automation.simulator.UdpClient.setMode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The error objects of the spec's section 2.4 and 7. */
class ErrorRepliesTest {

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");
  private final SimulatedDevice device =
      SimulatedDevice.start(WireFormatTest.fixedLoadVenus(150), clock);
  private final UdpClient client = new UdpClient(device.address());

  @AfterEach
  void stop() {
    client.close();
    device.close();
  }

  @Test
  void invalidJsonIsAParseErrorWithIdZeroAndData402() {
    JsonNode reply = client.callJson("hello");

    assertThat(reply.get("id").intValue()).isZero();
    assertThat(reply.get("src").stringValue()).isEqualTo("VenusE 3.0-0123456789ab");
    assertError(reply, -32700, "Parse error", 402);
  }

  @Test
  void anUnknownMethodIsMethodNotFoundWithData424() {
    JsonNode reply = client.callJson(request(20, "Foo.Bar"));

    assertThat(reply.get("id").intValue()).isEqualTo(20);
    assertError(reply, -32601, "Method not found", 424);
  }

  @Test
  void pvStatusIsNotFoundOnAVenusE() {
    assertError(client.callJson(request(10, "PV.GetStatus")), -32601, "Method not found", 424);
  }

  @Test
  void methodNamesAreCaseSensitive() {
    assertError(client.callJson(request(11, "wifi.GetStatus")), -32601, "Method not found", 424);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"mode\":\"Manual\"}",
        "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\","
            + "\"end_time\":\"06:00\",\"week_set\":128,\"power\":-2000,\"enable\":1}}",
        "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"25:00\","
            + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}",
        "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":10,\"start_time\":\"02:00\","
            + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}",
        "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"2:00\","
            + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}",
        "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":-1000,\"cd_time\":0}}",
        "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":\"-1000\",\"cd_time\":300}}",
        "{\"mode\":\"Passive\"}",
        "{\"mode\":\"Sleep\"}"
      })
  void badSetModeParamsAreInvalidParamsAndChangeNothing(String config) {
    JsonNode reply = client.callJson(setMode(30, config));

    assertThat(reply.get("id").intValue()).isEqualTo(30);
    assertThat(reply.get("error").get("code").intValue()).isEqualTo(-32602);
    assertThat(reply.get("error").get("message").stringValue()).isEqualTo("Invalid params");
    assertThat(device.battery().manualSlots()).isEmpty();
    assertThat(device.battery().mode().wireName()).isEqualTo("Auto");
  }

  @Test
  void aDepthOfDischargeOutsideThirtyToEightyEightIsInvalidParams() {
    JsonNode reply =
        client.callJson("{\"id\":18,\"method\":\"DOD.SET\",\"params\":{\"id\":0,\"value\":95}}");

    assertThat(reply.get("error").get("code").intValue()).isEqualTo(-32602);
  }

  private static void assertError(JsonNode reply, int code, String message, int data) {
    assertThat(reply.has("result")).isFalse();
    JsonNode error = reply.get("error");
    assertThat(error.propertyNames()).containsExactly("code", "message", "data");
    assertThat(error.get("code").intValue()).isEqualTo(code);
    assertThat(error.get("message").stringValue()).isEqualTo(message);
    assertThat(error.get("data").intValue()).isEqualTo(data);
  }
}
