package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static fr.marstek.automation.simulator.UdpClient.setMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Each switchable fault over real UDP. */
class FaultsTest {

  private static final String PASSIVE =
      "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":-1000,\"cd_time\":300}}";
  private static final String MANUAL =
      "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\","
          + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}";

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");
  private final SimulatedDevice device =
      SimulatedDevice.start(WireFormatTest.fixedLoadVenus(150), clock);
  private final UdpClient client = new UdpClient(device.address());

  @AfterEach
  void stop() {
    client.close();
    device.close();
  }

  /** Sends a request the device will not answer, waits until it handled it, then probes. */
  private JsonNode unansweredThenProbe(String ignored) {
    int before = device.requestsReceived();
    client.send(ignored);
    await().pollInterval(Duration.ofMillis(2)).until(() -> device.requestsReceived() > before);
    device.faults().reset();
    return client.callJson(request(999, "BLE.GetStatus"));
  }

  @Test
  void aLossRateDropsAboutThatShareOfRequests() {
    device.faults().lossRate(0.3);
    int answered = 0;

    for (int batch = 0; batch < 15; batch++) {
      for (int i = 1; i <= 20; i++) {
        client.send(request(batch * 20 + i, "BLE.GetStatus"));
      }
      int sent = (batch + 1) * 20;
      await().pollInterval(Duration.ofMillis(2)).until(() -> device.requestsReceived() >= sent);
      while (client.receive(Duration.ofMillis(20)).isPresent()) {
        answered++;
      }
    }

    // 210 expected; a binomial(300, 0.7) stays within +-30 with overwhelming probability.
    assertThat(answered).isBetween(180, 240);
  }

  @Test
  void aDisabledApiAnswersNothing() {
    device.faults().apiDisabled(true);

    JsonNode next = unansweredThenProbe(request(1, "ES.GetStatus"));

    assertThat(next.get("id").intValue()).isEqualTo(999);
    // The device counts a request once handled, which can be just after its reply left.
    await().atMost(Duration.ofSeconds(5)).until(() -> device.requestsReceived() == 2);
    assertThat(device.requestsReceived()).isEqualTo(2);
  }

  @Test
  void aReplyDelayHoldsTheReplyBack() {
    device.faults().replyDelay(Duration.ofMillis(300));

    long start = System.nanoTime();
    JsonNode reply = client.callJson(request(1, "ES.GetStatus"));

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(reply.get("id").intValue()).isEqualTo(1);
  }

  @Test
  void garbageRepliesAreNotJson() {
    device.faults().garbageReplies(true);

    String reply = client.call(request(1, "ES.GetStatus"));

    assertThat(reply).isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UdpClient.json(reply))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void aBusyDeviceAnswersParseErrorWithIdZeroAndData403() {
    device.faults().busy(true);

    JsonNode reply = client.callJson(request(42, "ES.GetStatus"));

    assertThat(reply.get("id").intValue()).isZero();
    assertThat(reply.get("error").get("code").intValue()).isEqualTo(-32700);
    assertThat(reply.get("error").get("data").intValue()).isEqualTo(403);
  }

  @Test
  void rejectedSetsAnswerFalseAndChangeNothing() {
    device.faults().rejectSets(true);

    JsonNode reply = client.callJson(setMode(5, PASSIVE));

    assertThat(reply.get("result").get("set_result").booleanValue()).isFalse();
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
  }

  @Test
  void aFactoryResetReturnsToAutoClearsSlotsAndSwitchesTheApiOff() {
    client.callJson(setMode(5, MANUAL));

    device.faults().resetToFactory();
    JsonNode next = unansweredThenProbe(request(6, "ES.GetMode"));

    assertThat(next.get("id").intValue()).isEqualTo(999);
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(device.battery().manualSlots()).isEmpty();
  }

  @Test
  void theResetFactoryMethodAnswersThenFallsSilent() {
    client.callJson(setMode(5, MANUAL));

    JsonNode ack =
        client.callJson("{\"id\":7,\"method\":\"Reset.Factory\",\"params\":{\"id\":0,\"type\":1}}");
    JsonNode next = unansweredThenProbe(request(8, "ES.GetMode"));

    assertThat(ack.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(next.get("id").intValue()).isEqualTo(999);
    assertThat(device.battery().manualSlots()).isEmpty();
  }

  @Test
  void duplicateRepliesArriveTwice() {
    device.faults().duplicateReplies(true);

    String first = client.call(request(3, "ES.GetStatus"));
    String second = client.receive(Duration.ofSeconds(5)).orElseThrow();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void afterAReplyTheDeviceIsDeafForTheWindow() {
    device.faults().postReplyDeafness(Duration.ofSeconds(1));
    client.callJson(request(1, "ES.GetStatus"));

    int before = device.requestsReceived();
    client.send(request(2, "ES.GetStatus"));
    await().pollInterval(Duration.ofMillis(2)).until(() -> device.requestsReceived() > before);
    clock.advance(Duration.ofMillis(1000));
    JsonNode third = client.callJson(request(3, "ES.GetStatus"));

    assertThat(third.get("id").intValue()).isEqualTo(3);
  }

  @Test
  void theFirstPassiveCommandIsAcknowledgedButIgnored() {
    device.faults().ignoreFirstPassive(true);

    JsonNode first = client.callJson(setMode(1, PASSIVE));
    DeviceMode afterFirst = device.battery().mode();
    client.callJson(setMode(2, PASSIVE));

    assertThat(first.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(afterFirst).isEqualTo(DeviceMode.AUTO);
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.PASSIVE);
  }

  @Test
  void aDriftingBatteryLeavesManualByItself() {
    device.faults().driftTo(DeviceMode.AUTO);

    JsonNode ack = client.callJson(setMode(1, MANUAL));
    JsonNode mode = client.callJson(request(2, "ES.GetMode")).get("result");

    assertThat(ack.get("result").get("set_result").booleanValue()).isTrue();
    assertThat(mode.get("mode").stringValue()).isEqualTo("Auto");
    assertThat(device.battery().manualSlots()).hasSize(1);
  }

  @Test
  void anEmptyDatagramFreezesTheApiWhenThatQuirkIsOn() {
    device.faults().freezeOnEmptyDatagram(true);

    JsonNode next = unansweredThenProbe("");

    assertThat(next.get("id").intValue()).isEqualTo(999);
  }

  @Test
  void resetClearsEveryFault() {
    device.faults().busy(true).garbageReplies(true).rejectSets(true).lossRate(1);

    device.faults().reset();

    assertThat(client.callJson(setMode(9, PASSIVE)).get("result").get("set_result").booleanValue())
        .isTrue();
  }
}
