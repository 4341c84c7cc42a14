package fr.marstek.automation.device.marstek.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.marstek.ScriptedDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoverCommandTest {

  private final List<ScriptedDevice> devices = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void close() {
    devices.forEach(ScriptedDevice::close);
  }

  private ScriptedDevice venusE() throws SocketException {
    ScriptedDevice device = ScriptedDevice.venusE().listenForBroadcasts();
    devices.add(device);
    return device;
  }

  private ScriptedDevice venusCFirmware153() throws SocketException {
    ScriptedDevice device =
        ScriptedDevice.venusE()
            .answer("Marstek.GetDevice", "getdevice-reply-hmg50-fw153.json")
            .listenForBroadcasts();
    devices.add(device);
    return device;
  }

  private int discover(String... args) {
    return DiscoverCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void findsBothDeviceShapesOverLoopbackBroadcastAndPrintsEnvLines() throws Exception {
    ScriptedDevice full = venusE();
    ScriptedDevice hmg50 = venusCFirmware153();

    int exit =
        discover(
            "discover",
            "--broadcast",
            "127.255.255.255",
            "--port",
            String.valueOf(full.port()),
            "--port",
            String.valueOf(hmg50.port()),
            "--bind",
            "127.0.0.1",
            "--timeout",
            "500ms",
            "--interval",
            "200ms",
            "--listen",
            "300ms");

    assertThat(exit).as(err.toString()).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains("MODEL", "FIRMWARE", "IP", "BLE MAC", "WI-FI MAC")
        .containsPattern(
            "VenusE 3.0 +150 +127\\.0\\.0\\.1 +" + full.port() + " +0123456789ab +a1b2c3d4e5f6")
        .containsPattern("VenusC +153 +127\\.0\\.0\\.1 +" + hmg50.port() + " +aabbccddeeff +-");
    assertThat(printed.lines().filter(l -> l.startsWith("BATTERY_")).toList())
        .containsExactlyInAnyOrder(
            "BATTERY_1_IP=127.0.0.1",
            "BATTERY_1_PORT=" + Math.min(full.port(), hmg50.port()),
            "BATTERY_2_IP=127.0.0.1",
            "BATTERY_2_PORT=" + Math.max(full.port(), hmg50.port()));
    assertThat(full.received())
        .as("probed more than once within the window")
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            r ->
                assertThat(r.json())
                    .isEqualTo(
                        "{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}"));
  }

  @Test
  void dedupesRepeatedAnswersByBleMac() throws Exception {
    ScriptedDevice device = venusE().answerTwice();
    var options =
        new Discovery.Options(
            List.of(InetAddress.getLoopbackAddress()),
            List.of(device.port()),
            Duration.ofMillis(400),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            InetAddress.getLoopbackAddress());

    // Each read of the clock moves it 50 ms on, so the 400 ms window holds three probes however
    // slowly a loaded machine schedules the loop (the system clock once let a stall eat the
    // window).
    AtomicLong reads = new AtomicLong();
    InstantSource ticking = () -> Instant.EPOCH.plusMillis(50 * reads.incrementAndGet());

    List<DiscoveredBattery> found = new Discovery(options, ticking, note -> {}).run();

    // the device records on its own thread: its third probe may land just after run() returns
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(device.received()).hasSizeGreaterThanOrEqualTo(3));
    assertThat(found)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.bleMac()).contains("0123456789ab");
              assertThat(b.port()).isEqualTo(device.port());
              assertThat(b.model()).isEqualTo("VenusE 3.0");
            });
  }

  @Test
  void saysSoWhenTheProbedPortIsTakenAndNoBatteryAnswers() throws Exception {
    ScriptedDevice silent = venusE().silent(true);

    int exit =
        discover(
            "--broadcast", "127.0.0.1",
            "--port", String.valueOf(silent.port()),
            "--bind", "127.0.0.1",
            "--timeout", "200ms",
            "--interval", "100ms",
            "--listen", "100ms");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains("local port " + silent.port() + " is in use")
        .contains("No battery answered");
    assertThat(out.toString()).doesNotContain("BATTERY_");
  }

  @Test
  void ignoresItsOwnEchoedProbe() throws Exception {
    int freePort;
    try (var probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      freePort = probe.getLocalPort();
    }

    int exit =
        discover(
            "--broadcast", "127.0.0.1",
            "--port", String.valueOf(freePort),
            "--bind", "127.0.0.1",
            "--timeout", "200ms",
            "--interval", "100ms",
            "--listen", "100ms");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).doesNotContain("is in use").contains("No battery answered");
  }

  @Test
  void explainsItsOptions() {
    int exit = discover("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--broadcast", "--port", "--timeout", "Usage: discover");
  }

  @Test
  void rejectsADurationItCannotRead() {
    int exit = discover("--timeout", "soon");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration");
  }
}
