package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.protocol.DeviceProfile;
import fr.marstek.automation.device.marstek.protocol.EsStatus;
import fr.marstek.automation.device.marstek.protocol.Method;
import fr.marstek.automation.device.marstek.protocol.Request;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarstekTransportTest {

  private final List<AutoCloseable> closing = new ArrayList<>();
  private MarstekTransport transport = TestSettings.transport(TestSettings.fast());

  @AfterEach
  void close() throws Exception {
    transport.stop();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private ScriptedDevice device() throws Exception {
    ScriptedDevice device = ScriptedDevice.venusE();
    closing.add(device);
    return device;
  }

  private static EsStatus readStatus(BatteryLink link) throws Exception {
    return link.exchange(
        Request.read(Method.ES_STATUS),
        r -> EsStatus.from(r.requireResult(), DeviceProfile.UNKNOWN));
  }

  @Test
  void readsAStatusOverRealUdpWithANonZeroIdEchoed() throws Exception {
    ScriptedDevice device = device();
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    EsStatus status = readStatus(link);

    assertThat(status.ongridPower()).isEqualTo(Watts.of(-1497));
    assertThat(device.received()).hasSize(1);
    assertThat(device.received().getFirst().id()).isBetween(1, 65535);
    assertThat(device.received().getFirst().json())
        .matches("\\{\"id\":\\d+,\"method\":\"ES.GetStatus\",\"params\":\\{\"id\":0}}");
  }

  @Test
  void givesUpAfterTheFirstAttemptAndTwoRetriesWithAReasonAHumanCanRead() throws Exception {
    ScriptedDevice device = device().silent(true);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    assertThatThrownBy(() -> readStatus(link))
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessage("no reply to ES.GetStatus after 3 attempts (300 ms each)");
    assertThat(device.receivedMethods())
        .containsExactly("ES.GetStatus", "ES.GetStatus", "ES.GetStatus");
  }

  @Test
  void retriesAWriteThreeMoreTimes() throws Exception {
    ScriptedDevice device = device().silent(true);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    assertThatThrownBy(
            () ->
                link.exchange(
                    Request.setMode(
                        new fr.marstek.automation.device.ModeCommand.Auto(),
                        fr.marstek.automation.device.marstek.protocol.Family.VENUS_E3),
                    r -> r))
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessage("no reply to ES.SetMode after 4 attempts (400 ms each)");
    assertThat(device.received()).hasSize(4);
  }

  @Test
  void retriesADroppedRequestWithTheSameId() throws Exception {
    ScriptedDevice device = device().dropEvery(2);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    readStatus(link);
    EsStatus status = readStatus(link);

    assertThat(status.soc()).isEqualTo(Percent.of(62));
    var received = device.received();
    assertThat(received).hasSize(3);
    assertThat(received.get(2).id()).isEqualTo(received.get(1).id());
    assertThat(received.get(1).id()).isNotEqualTo(received.get(0).id());
  }

  @Test
  void retriesAfterTheBusyAnswerWithIdZero() throws Exception {
    ScriptedDevice device = device().busyFirst(1);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    EsStatus status = readStatus(link);

    assertThat(status.soc()).isEqualTo(Percent.of(62));
    assertThat(device.received()).hasSize(2);
  }

  @Test
  void saysTheBatteryWasBusyWhenEveryAttemptGotTheBusyAnswer() throws Exception {
    ScriptedDevice device = device().busyFirst(10);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    assertThatThrownBy(() -> readStatus(link))
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessageContaining("busy")
        .hasMessageContaining("-32700")
        .hasMessageEndingWith("after 3 attempts (300 ms each)");
  }

  @Test
  void ignoresRepliesWithAnotherIdOrFromAnotherPort() throws Exception {
    ScriptedDevice wrongId = device().answerWithWrongId();
    ScriptedDevice foreignPort = device().answerFromForeignPort();
    BatteryLink first = transport.link(wrongId.endpoint(1), LocalPortPolicy.EPHEMERAL);
    BatteryLink second = transport.link(foreignPort.endpoint(2), LocalPortPolicy.EPHEMERAL);

    assertThatThrownBy(() -> readStatus(first)).isInstanceOf(BatteryUnreachable.class);
    assertThatThrownBy(() -> readStatus(second)).isInstanceOf(BatteryUnreachable.class);
    assertThat(wrongId.received()).hasSize(3);
    assertThat(foreignPort.received()).hasSize(3);
  }

  @Test
  void neverLetsALateReplyCompleteALaterRequest() throws Exception {
    transport.stop();
    transport =
        TestSettings.transport(
            TestSettings.with(
                TestSettings.fast(), Duration.ofMillis(10), Duration.ofMillis(1000), 0));
    // request 1 times out at 1 s; its reply comes at 1.2 s, while request 2 (sent at about 1 s,
    // answered at about 1.4 s) waits: margins of 200 ms or more, so a loaded machine keeps the race
    ScriptedDevice device = device().delay(Duration.ofMillis(400));
    device.answerRequest(1, "es-getstatus-reply-venus-a-discharging.json", Duration.ofMillis(1200));
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    assertThatThrownBy(() -> readStatus(link)).isInstanceOf(BatteryUnreachable.class);
    EsStatus second = readStatus(link);

    assertThat(second.soc())
        .as("the reply to request 2, not the late one to request 1 arriving meanwhile")
        .isEqualTo(Percent.of(62));
    assertThat(device.received()).hasSize(2);
  }

  @Test
  void dropsTheDuplicateOfAnAnsweredReply() throws Exception {
    ScriptedDevice device = device().answerTwice();
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);
    device.answerRequest(1, "es-getstatus-reply-venus-a-discharging.json", Duration.ZERO);

    EsStatus first = readStatus(link);
    EsStatus second = readStatus(link);

    assertThat(first.soc()).isEqualTo(Percent.of(24));
    assertThat(second.soc()).isEqualTo(Percent.of(62));
    assertThat(device.received()).hasSize(2);
  }

  @Test
  void waitsTheQuietGapAfterTheLastDatagramBeforeTheNextRequest() throws Exception {
    Duration gap = Duration.ofMillis(120);
    transport.stop();
    transport =
        TestSettings.transport(
            TestSettings.with(TestSettings.fast(), gap, Duration.ofMillis(300), 2));
    ScriptedDevice device = device().answerTwice();
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    for (int i = 0; i < 4; i++) {
      readStatus(link);
    }

    // The last duplicate may still be on its way when the read returns on the first copy.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(device.repliedAtNanos()).hasSize(8));
    var received = device.received();
    var replied = device.repliedAtNanos();
    assertThat(received).hasSize(4);
    for (int i = 1; i < received.size(); i++) {
      long lastDatagramBefore = replied.get(2 * i - 1);
      assertThat(received.get(i).atNanos() - lastDatagramBefore)
          .as("request %d came at least the quiet gap after the duplicate reply", i + 1)
          .isGreaterThanOrEqualTo(gap.toNanos());
    }
  }

  @Test
  void getsEveryReadThroughThirtyPercentPacketLossWithRetries() throws Exception {
    transport.stop();
    transport =
        TestSettings.transport(
            TestSettings.with(
                TestSettings.fast(), Duration.ofMillis(10), Duration.ofMillis(150), 5));
    ScriptedDevice device = device().dropRandomly(0.3, 42);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.EPHEMERAL);

    for (int i = 0; i < 20; i++) {
      assertThat(readStatus(link).ongridPower()).isEqualTo(Watts.of(-1497));
    }

    assertThat(device.received().size()).as("some requests needed a retry").isGreaterThan(20);
  }

  @Test
  void sendsFromTheDevicePortSoThatFirmwareReplyingOnlyThereIsHeard() throws Exception {
    transport.stop();
    MarstekClientSettings settings =
        TestSettings.fast().withLocalPortPolicy(LocalPortPolicy.DEVICE);
    transport = TestSettings.transport(settings);
    ScriptedDevice device =
        ScriptedDevice.venusE(java.net.InetAddress.ofLiteral("127.0.0.2")).replyToApiPort();
    closing.add(device);
    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.DEVICE);

    EsStatus status = readStatus(link);

    assertThat(link.localPort()).isEqualTo(device.port());
    assertThat(status.soc()).isEqualTo(Percent.of(62));
  }

  @Test
  void sharesOneSocketPerDevicePortAndFallsBackToAFreePortWhenTheDevicePortIsTaken()
      throws Exception {
    ScriptedDevice device = device();
    transport.stop();
    transport =
        TestSettings.transport(TestSettings.fast().withLocalPortPolicy(LocalPortPolicy.DEVICE));

    BatteryLink link = transport.link(device.endpoint(1), LocalPortPolicy.DEVICE);
    EsStatus status = readStatus(link);

    assertThat(link.localPort())
        .as("127.0.0.1:%d belongs to the device", device.port())
        .isNotEqualTo(device.port());
    assertThat(status.soc()).isEqualTo(Percent.of(62));
  }

  @Test
  void aSilentBatteryDoesNotDelayAnotherOnTheSameTransport() throws Exception {
    transport.stop();
    transport =
        TestSettings.transport(
            TestSettings.with(
                TestSettings.fast(), Duration.ofMillis(20), Duration.ofMillis(600), 2));
    ScriptedDevice silent = device().silent(true);
    ScriptedDevice healthy = device();
    BatteryLink silentLink = transport.link(silent.endpoint(1), LocalPortPolicy.EPHEMERAL);
    BatteryLink healthyLink = transport.link(healthy.endpoint(2), LocalPortPolicy.EPHEMERAL);

    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var stuck = threads.submit(() -> readStatus(silentLink));
      org.awaitility.Awaitility.await().until(() -> !silent.received().isEmpty());
      for (int i = 0; i < 3; i++) {
        readStatus(healthyLink);
      }
      boolean silentStillWaiting = !stuck.isDone();

      assertThat(silentStillWaiting).as("three reads of the healthy battery ended first").isTrue();
      assertThatThrownBy(stuck::get)
          .hasCauseInstanceOf(BatteryUnreachable.class)
          .hasRootCauseMessage("no reply to ES.GetStatus after 3 attempts (600 ms each)");
    }
    assertThat(healthy.received()).hasSize(3);
  }
}
