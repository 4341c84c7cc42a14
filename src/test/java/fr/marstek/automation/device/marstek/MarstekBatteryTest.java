package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MarstekBatteryTest {

  private final MarstekClientSettings settings = TestSettings.fast();
  private final MarstekTransport transport = TestSettings.transport(settings);
  // For tests that count the requests sent: a reply later than the fast 300 ms (a loaded machine)
  // would be asked for again. Every request there is answered, so the wait is never spent.
  private final MarstekClientSettings patient =
      TestSettings.with(settings, settings.quietGap(), Duration.ofSeconds(10), 0);
  private final MarstekTransport patientTransport = TestSettings.transport(patient);
  private ScriptedDevice device;

  @AfterEach
  void close() {
    transport.stop();
    patientTransport.stop();
    if (device != null) {
      device.close();
    }
  }

  private MarstekBattery battery(ScriptedDevice scripted) {
    device = scripted;
    return new MarstekBattery(
        transport.link(scripted.endpoint(1), LocalPortPolicy.EPHEMERAL),
        transport.clock(),
        settings);
  }

  /** A battery whose requests are each sent once and waited for as long as a reply takes. */
  private MarstekBattery patientBattery(ScriptedDevice scripted) {
    device = scripted;
    return new MarstekBattery(
        patientTransport.link(scripted.endpoint(1), LocalPortPolicy.EPHEMERAL),
        patientTransport.clock(),
        patient);
  }

  @Test
  void readsStatusFromEnergySystemModeMeterAndBatteryMethods() throws Exception {
    MarstekBattery battery =
        battery(ScriptedDevice.venusE().answer("ES.GetMode", "es-getmode-reply-fw144.json"));

    BatteryStatus status = battery.readStatus();

    assertThat(status.id()).isEqualTo(BatteryId.of(1));
    assertThat(status.soc()).isEqualTo(Percent.of(62));
    assertThat(status.acPower()).isEqualTo(Watts.of(-1497));
    assertThat(status.isCharging()).isTrue();
    assertThat(status.mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(status.capacity()).isEqualTo(WattHours.of(5120));
    assertThat(status.meterPower()).contains(Watts.of(169));
    assertThat(status.temperature()).contains(new Celsius(24));
    assertThat(status.chargedTotal()).isEqualTo(WattHours.of(138132));
    assertThat(status.dischargedTotal()).isEqualTo(WattHours.of(109220));
    assertThat(device.receivedMethods())
        .containsExactly(
            "Marstek.GetDevice", "ES.GetStatus", "ES.GetMode", "EM.GetStatus", "Bat.GetStatus");
  }

  @Test
  void readsTheModeMeterAndTemperatureOnlyWhenDueAndReusesThem() throws Exception {
    MarstekBattery battery = patientBattery(ScriptedDevice.venusE());

    battery.readStatus();
    BatteryStatus second = battery.readStatus();

    assertThat(second.temperature()).contains(new Celsius(24));
    assertThat(device.receivedMethods())
        .containsExactly(
            "Marstek.GetDevice",
            "ES.GetStatus",
            "ES.GetMode",
            "EM.GetStatus",
            "Bat.GetStatus",
            "ES.GetStatus");
    assertThat(second.mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(second.meterPower()).contains(Watts.of(169));
  }

  @Test
  void hasNoTemperatureWhileTheBatteryManagementSystemReportsZeros() throws Exception {
    MarstekBattery battery =
        battery(
            ScriptedDevice.venusE().answer("Bat.GetStatus", "bat-getstatus-reply-bms-silent.json"));

    assertThat(battery.readStatus().temperature()).isEmpty();
  }

  @Test
  void stopsAskingForTheMeterWhenTheFirmwareHasNoSuchMethod() throws Exception {
    MarstekBattery battery =
        battery(
            ScriptedDevice.venusE()
                .answer("EM.GetStatus", "error-reply-method-not-found.json")
                .answer("Marstek.GetDevice", "getdevice-reply-hmg50-fw153.json"));

    BatteryStatus first = battery.readStatus();
    battery.readStatus();

    assertThat(first.meterPower()).isEmpty();
    assertThat(device.receivedMethods()).containsOnlyOnce("EM.GetStatus");
  }

  @Test
  void reportsAnUnknownModeWhenOnlyTheModeGoesUnanswered() throws Exception {
    MarstekBattery battery = battery(ScriptedDevice.venusE().ignore("ES.GetMode"));

    BatteryStatus status = battery.readStatus();

    assertThat(status.mode()).isEqualTo(DeviceMode.UNKNOWN);
    assertThat(status.soc()).isEqualTo(Percent.of(62));
  }

  @Test
  void becomesUnreachableWithTheReasonWhenTheStatusGoesUnanswered() {
    MarstekBattery battery = battery(ScriptedDevice.venusE().ignore("ES.GetStatus"));

    assertThatThrownBy(battery::readStatus)
        .isInstanceOf(BatteryUnreachable.class)
        .hasMessage("no reply to ES.GetStatus after 3 attempts (300 ms each)");
  }

  @Test
  void becomesUnreachableWhenEveryStatusReplyIsGarbledAndWarnsOnlyOnce() {
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BatteryLink.class);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    MarstekBattery battery =
        battery(
            ScriptedDevice.venusE()
                .answer("ES.GetStatus", "es-getstatus-reply-missing-ongrid.json"));

    try {
      assertThatThrownBy(battery::readStatus)
          .isInstanceOf(BatteryUnreachable.class)
          .hasMessage(
              "garbled reply to ES.GetStatus (ES.GetStatus result has no number in ongrid_power)"
                  + " after 3 attempts (300 ms each)");
      assertThatThrownBy(battery::readStatus).isInstanceOf(BatteryUnreachable.class);
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(device.receivedMethods()).filteredOn("ES.GetStatus"::equals).hasSize(6);
    assertThat(appender.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("battery 1", "ES.GetStatus", "ongrid_power", "logged once");
  }

  @Test
  void identifiesTheBatteryByUnicastGetDevice() throws Exception {
    MarstekBattery battery = battery(ScriptedDevice.venusE());

    DeviceIdentity identity = battery.identify();

    assertThat(identity)
        .isEqualTo(
            new DeviceIdentity(
                "VenusE 3.0",
                150,
                "0123456789ab",
                Optional.of("a1b2c3d4e5f6"),
                Optional.of("192.168.1.20")));
    assertThat(device.received().getFirst().json())
        .matches(
            "\\{\"id\":[1-9]\\d*,\"method\":\"Marstek.GetDevice\",\"params\":\\{\"ble_mac\":\"0\"}}");
  }

  @Test
  void sendsAPassiveCommandWithTheDeviceSign() throws Exception {
    MarstekBattery battery = battery(ScriptedDevice.venusE());

    battery.apply(new ModeCommand.Passive(Watts.of(-1000), Duration.ofMinutes(5)));

    assertThat(device.received().getFirst().json())
        .endsWith(
            ",\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Passive\","
                + "\"passive_cfg\":{\"power\":-1000,\"cd_time\":300}}}}");
  }

  @Test
  void retriesACommandWhileTheBatteryAnswersBusy() throws Exception {
    MarstekBattery battery = battery(ScriptedDevice.venusE().busyFirst(2));

    battery.apply(new ModeCommand.Auto());

    assertThat(device.receivedMethods()).containsExactly("ES.SetMode", "ES.SetMode", "ES.SetMode");
  }

  @Test
  void turnsSetResultFalseIntoARejectedCommand() {
    MarstekBattery battery =
        battery(ScriptedDevice.venusE().answer("ES.SetMode", "es-setmode-reply-rejected.json"));

    assertThatThrownBy(() -> battery.apply(new ModeCommand.Ai()))
        .isInstanceOf(CommandRejected.class)
        .hasMessage("battery 1 rejected ES.SetMode AI (set_result false)");
  }

  @Test
  void turnsAnErrorAnswerIntoARejectedCommandWithoutRetrying() {
    MarstekBattery battery =
        battery(ScriptedDevice.venusE().answer("ES.SetMode", "error-reply-method-not-found.json"));

    assertThatThrownBy(() -> battery.apply(new ModeCommand.Auto()))
        .isInstanceOf(CommandRejected.class)
        .hasMessageContaining("-32601 Method not found");
    assertThat(device.received()).hasSize(1);
  }

  @Test
  void refusesAPowerBeyondTheLimitWithoutSendingAnything() {
    MarstekBattery battery = battery(ScriptedDevice.venusE());

    assertThatThrownBy(
            () -> battery.apply(new ModeCommand.Passive(Watts.of(3000), Duration.ofMinutes(5))))
        .isInstanceOf(CommandRejected.class)
        .hasMessageContaining("discharge power 3000 W is beyond")
        .hasMessageContaining("not sent to battery 1");
    assertThat(device.received()).isEmpty();
  }

  @Test
  void namesItsAddress() {
    MarstekBattery battery = battery(ScriptedDevice.venusE().silent(true));

    assertThat(battery.address()).isEqualTo("127.0.0.1:" + device.port());
  }
}
