package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where replies go: the source port, or the device port on the sender's IP (HMG-50). */
class ReplyAddressTest {

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");

  @Test
  void withReplyToApiPortTheReplyGoesToTheDevicePortOnTheSendersAddress() throws Exception {
    InetAddress deviceIp = InetAddress.getByName("127.0.0.2");
    var options =
        WireFormatTest.fixedLoadVenus(150).withBindAddress(deviceIp).withReplyToApiPort(true);
    try (var device = SimulatedDevice.start(options, clock);
        var ephemeral = new UdpClient(device.address());
        var onApiPort =
            new UdpClient(
                device.address(),
                new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), device.address().getPort()))) {

      ephemeral.send(request(1, "ES.GetStatus"));
      await().until(() -> device.requestsReceived() == 1);
      var atApiPort = onApiPort.receive(Duration.ofSeconds(5));

      assertThat(atApiPort).hasValueSatisfying(r -> assertThat(r).contains("\"id\":1,"));
      assertThat(onApiPort.callJson(request(2, "ES.GetStatus")).get("id").intValue()).isEqualTo(2);
    }
  }

  @Test
  void aDiscoveryForAnotherMacIsLeftUnanswered() {
    try (var device = SimulatedDevice.start(WireFormatTest.fixedLoadVenus(150), clock);
        var client = new UdpClient(device.address())) {

      client.send(
          "{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"aaaaaaaaaaaa\"}}");
      await().until(() -> device.requestsReceived() == 1);
      var mine =
          client.callJson(
              "{\"id\":1,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0123456789ab\"}}");

      assertThat(mine.get("id").intValue()).isEqualTo(1);
    }
  }

  @Test
  void aWildcardBoundDeviceAnswersALoopbackBroadcastDiscovery() throws Exception {
    // Linux delivers 127.255.255.255 only to sockets bound to the wildcard, not to 127.0.0.1.
    var options =
        WireFormatTest.fixedLoadVenus(150).withBindAddress(InetAddress.getByName("0.0.0.0"));
    try (var device = SimulatedDevice.start(options, clock);
        var client =
            new UdpClient(
                new InetSocketAddress(
                    InetAddress.getByName("127.255.255.255"), device.address().getPort()))) {
      client.enableBroadcast();

      var reply =
          client.callJson(
              "{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}");

      assertThat(reply.get("result").get("ble_mac").stringValue()).isEqualTo("0123456789ab");
      assertThat(reply.get("result").get("ip").stringValue()).isEqualTo("127.0.0.1");
    }
  }
}
