package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static fr.marstek.automation.simulator.UdpClient.setMode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.FieldQuirks.Quirk;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each field quirk over real UDP: it fires for what the field reported, and is counted. */
class FieldQuirksTest {

  private static final String MANUAL =
      "{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\","
          + "\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}";
  private static final String PASSIVE =
      "{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":-1000,\"cd_time\":3600}}";

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");
  private SimulatedDevice device;
  private UdpClient client;

  private void start(int firmware) {
    device = SimulatedDevice.start(WireFormatTest.fixedLoadVenus(firmware), clock);
    client = new UdpClient(device.address());
  }

  @AfterEach
  void stop() {
    client.close();
    device.close();
  }

  @Test
  void aModeReadRightAfterASetRevertsAResetProneBatteryAMinuteLater() {
    start(148);
    device.quirks().modeReadRevert(true);

    client.callJson(setMode(1, MANUAL));
    clock.advance(Duration.ofSeconds(5));
    client.callJson(request(2, "ES.GetMode"));
    clock.advance(Duration.ofSeconds(80));
    client.callJson(request(3, "ES.GetStatus"));

    assertThat(device.quirks().fired(Quirk.MODE_READ_REVERT)).isEqualTo(1);
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
  }

  @Test
  void aModeReadAMinuteAfterTheSetOrOnFirmware150RevertsNothing() {
    start(148);
    device.quirks().modeReadRevert(true);
    client.callJson(setMode(1, MANUAL));
    clock.advance(Duration.ofSeconds(60));
    client.callJson(request(2, "ES.GetMode"));
    clock.advance(Duration.ofSeconds(80));
    client.callJson(request(3, "ES.GetStatus"));

    assertThat(device.quirks().fired(Quirk.MODE_READ_REVERT)).isZero();
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.MANUAL);
  }

  @Test
  void batteryStatusBelowFirmware150ResetsTheBatteryAndSwitchesItsApiOff() {
    start(148);
    device.quirks().batStatusResets(true);
    client.callJson(setMode(1, MANUAL));

    client.send(request(2, "Bat.GetStatus"));
    await(() -> device.requestsReceived() >= 2);

    assertThat(device.quirks().fired(Quirk.BAT_STATUS_RESET)).isEqualTo(1);
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(device.faults().apiDisabled()).isTrue();
  }

  @Test
  void tooManyRequestsInAnHourSwitchTheApiOffForHours() {
    start(150);
    device.quirks().rateShutdown(10, Duration.ofHours(4));
    for (int i = 1; i <= 10; i++) {
      client.callJson(request(i, "ES.GetStatus"));
      clock.advance(Duration.ofSeconds(30));
    }

    client.send(request(11, "ES.GetStatus"));
    await(() -> device.requestsReceived() >= 11);
    clock.advance(Duration.ofHours(3));
    client.send(request(12, "ES.GetStatus"));
    await(() -> device.requestsReceived() >= 12);
    clock.advance(Duration.ofHours(1));

    assertThat(client.callJson(request(13, "ES.GetStatus")).has("result")).isTrue();
    assertThat(device.quirks().fired(Quirk.RATE_SHUTDOWN)).isEqualTo(1);
  }

  @Test
  void passiveIsDroppedMinutesAfterItWasAcknowledged() {
    start(150);
    device.quirks().passiveDroppedAfter(Duration.ofMinutes(4));
    client.callJson(setMode(1, PASSIVE));
    clock.advance(Duration.ofMinutes(3));
    client.callJson(request(2, "ES.GetStatus"));
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.PASSIVE);

    clock.advance(Duration.ofMinutes(2));
    client.callJson(request(3, "ES.GetStatus"));

    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(device.quirks().fired(Quirk.PASSIVE_DROPPED)).isEqualTo(1);
  }

  @Test
  void modesCanComeAsIntegers() {
    start(150);
    device.quirks().integerModes(true);
    client.callJson(setMode(1, MANUAL));

    assertThat(client.callJson(request(2, "ES.GetMode")).path("result").path("mode").isInt())
        .isTrue();
    assertThat(client.callJson(request(3, "ES.GetMode")).path("result").path("mode").asInt())
        .isEqualTo(2);
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) {
    org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(2)).until(condition);
  }
}
