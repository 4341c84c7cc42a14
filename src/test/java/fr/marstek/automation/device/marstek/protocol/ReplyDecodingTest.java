package fr.marstek.automation.device.marstek.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.marstek.Fixtures;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReplyDecodingTest {

  private static final DeviceProfile VENUS_E_150 =
      new DeviceProfile(Family.VENUS_E3, new Firmware(150));

  private final MarstekCodec codec = new MarstekCodec();

  private Reply reply(String fixture) throws MalformedReply {
    byte[] bytes = Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8);
    return codec.parse(bytes, 0, bytes.length);
  }

  @Test
  void readsTheDeviceIdentityOfAVenusE3() throws Exception {
    Reply reply = reply("getdevice-reply-venus-e3.json");

    DeviceInfo info = DeviceInfo.from(reply);

    assertThat(reply.id()).isZero();
    assertThat(reply.src()).contains("VenusE 3.0-0123456789ab");
    assertThat(info)
        .isEqualTo(
            new DeviceInfo(
                "VenusE 3.0",
                new Firmware(150),
                Optional.of("0123456789ab"),
                Optional.of("a1b2c3d4e5f6"),
                Optional.of("HomeWiFi"),
                Optional.of("192.168.1.20")));
    assertThat(DeviceProfile.of(info).family()).isEqualTo(Family.VENUS_E3);
  }

  @Test
  void takesTheBleMacFromSrcWhenAnHmg50OnFirmware153LeavesItOut() throws Exception {
    DeviceInfo info = DeviceInfo.from(reply("getdevice-reply-hmg50-fw153.json"));

    assertThat(info.bleMac()).contains("aabbccddeeff");
    assertThat(info.wifiMac()).isEmpty();
    assertThat(info.ip()).contains("192.168.2.37");
    assertThat(DeviceProfile.of(info).family()).isEqualTo(Family.HMG50);
  }

  @Test
  void readsWifiAndBleStatus() throws Exception {
    WifiStatus wifi = WifiStatus.from(reply("wifi-getstatus-reply.json").requireResult());
    BleStatus ble = BleStatus.from(reply("ble-getstatus-reply.json").requireResult());

    assertThat(wifi.rssiDbm()).isEqualTo(OptionalInt.of(-49));
    assertThat(wifi.ssid()).contains("HomeWiFi");
    assertThat(wifi.gateway()).contains("192.168.1.1");
    assertThat(wifi.mask()).contains("255.255.255.0");
    assertThat(ble).isEqualTo(new BleStatus(false, Optional.of("0123456789ab")));
  }

  @Test
  void readsBatteryStatusWithFloatsInNaturalUnits() throws Exception {
    BatStatus bat = BatStatus.from(reply("bat-getstatus-reply.json").requireResult(), VENUS_E_150);

    assertThat(bat)
        .isEqualTo(
            new BatStatus(
                Optional.of(Percent.of(62)),
                true,
                true,
                Optional.of(new Celsius(24)),
                Optional.of(WattHours.of(3174)),
                Optional.of(WattHours.of(5120))));
  }

  @Test
  void scalesTemperatureAndCapacityOfEarlyVenusE3FirmwareAndReadsStringsAndZeroOne()
      throws Exception {
    var fw140 = new DeviceProfile(Family.VENUS_E3, new Firmware(140));

    BatStatus bat =
        BatStatus.from(reply("bat-getstatus-reply-fw140-scaled.json").requireResult(), fw140);

    assertThat(bat.temperature()).contains(new Celsius(24));
    assertThat(bat.remaining()).contains(WattHours.of(3174));
    assertThat(bat.soc()).contains(Percent.of(62));
    assertThat(bat.chargeAllowed()).isTrue();
    assertThat(bat.dischargeAllowed()).isTrue();
  }

  @Test
  void treatsARatedCapacityOfZeroAsNoData() throws Exception {
    BatStatus bat =
        BatStatus.from(reply("bat-getstatus-reply-bms-silent.json").requireResult(), VENUS_E_150);

    assertThat(bat.hasData()).isFalse();
    assertThat(bat.temperature()).isEmpty();
    assertThat(bat.soc()).isEmpty();
  }

  @Test
  void readsTheEnergySystemStatusOfAChargingVenusE() throws Exception {
    EsStatus es =
        EsStatus.from(reply("es-getstatus-reply-charging.json").requireResult(), VENUS_E_150);

    assertThat(es)
        .isEqualTo(
            new EsStatus(
                Percent.of(62),
                Optional.of(WattHours.of(5120)),
                Watts.ZERO,
                Watts.of(-1497),
                Watts.ZERO,
                Optional.empty(),
                WattHours.ZERO,
                WattHours.of(109220),
                WattHours.of(138132),
                WattHours.ZERO));
  }

  @Test
  void readsADischargingVenusA() throws Exception {
    var venusA = new DeviceProfile(Family.VENUS_A, new Firmware(147));

    EsStatus es =
        EsStatus.from(reply("es-getstatus-reply-venus-a-discharging.json").requireResult(), venusA);

    assertThat(es.soc()).isEqualTo(Percent.of(24));
    assertThat(es.ongridPower()).isEqualTo(Watts.of(185));
    assertThat(es.ratedCapacity()).contains(WattHours.of(2080));
    assertThat(es.gridOutputTotal()).isEqualTo(WattHours.of(69427));
  }

  @Test
  void acceptsNumbersAsStringsFloatsAndNullAndIgnoresUnknownKeys() throws Exception {
    var venusA149 = new DeviceProfile(Family.VENUS_A, new Firmware(1492));

    EsStatus es =
        EsStatus.from(reply("es-getstatus-reply-lenient-types.json").requireResult(), venusA149);

    assertThat(es.soc()).isEqualTo(Percent.of(57));
    assertThat(es.ongridPower()).isEqualTo(Watts.of(-800));
    assertThat(es.pvPower()).isEqualTo(Watts.ZERO);
    assertThat(es.batteryPower()).contains(Watts.of(812));
    assertThat(es.gridOutputTotal()).isEqualTo(WattHours.of(1000.5));
    assertThat(es.loadTotal()).isEqualTo(WattHours.ZERO);
    assertThat(es.pvTotal()).as("0.01 kWh on Venus A 149.2").isEqualTo(WattHours.of(120));
  }

  @Test
  void refusesAStatusWithoutItsGridPower() throws Exception {
    var result = reply("es-getstatus-reply-missing-ongrid.json").requireResult();

    assertThatThrownBy(() -> EsStatus.from(result, VENUS_E_150))
        .isInstanceOf(MalformedReply.class)
        .hasMessageContaining("ongrid_power");
  }

  @Test
  void readsBothModeShapes() throws Exception {
    EsMode fw144 = EsMode.from(reply("es-getmode-reply-fw144.json").requireResult(), VENUS_E_150);
    EsMode fw150 = EsMode.from(reply("es-getmode-reply-fw150.json").requireResult(), VENUS_E_150);

    assertThat(fw144.mode()).isEqualTo(DeviceMode.MANUAL);
    assertThat(fw144.ongridPower()).contains(Watts.of(-497));
    assertThat(fw144.soc()).contains(Percent.of(99));
    assertThat(fw144.meter()).isEmpty();
    assertThat(fw150.mode()).isEqualTo(DeviceMode.AUTO);
    assertThat(fw150.ongridPower()).contains(Watts.of(318));
    assertThat(fw150.meter()).get().extracting(MeterReading::connected).isEqualTo(false);
  }

  @Test
  void readsAnIntegerModeDefensively() throws Exception {
    EsMode mode =
        EsMode.from(reply("es-getmode-reply-integer-mode.json").requireResult(), VENUS_E_150);

    assertThat(mode.mode()).isEqualTo(DeviceMode.PASSIVE);
    assertThat(mode.ongridPower()).isEmpty();
  }

  @Test
  void readsTheMeterAndScalesItsEnergyFromTenthsOfAWattHour() throws Exception {
    MeterReading plain =
        MeterReading.from(reply("em-getstatus-reply.json").requireResult(), VENUS_E_150);
    MeterReading energy =
        MeterReading.from(reply("em-getstatus-reply-energy.json").requireResult(), VENUS_E_150);

    assertThat(plain)
        .isEqualTo(
            new MeterReading(
                true,
                Watts.of(169),
                Watts.ZERO,
                Watts.ZERO,
                Watts.of(169),
                WattHours.ZERO,
                WattHours.ZERO));
    assertThat(energy.totalPower()).isEqualTo(Watts.of(-320));
    assertThat(energy.inputEnergy()).isEqualTo(WattHours.of(12345.6));
    assertThat(energy.outputEnergy()).isEqualTo(WattHours.of(789.1));
  }

  @Test
  void readsFourPvChannelsWithChannelOneInDeciwattsBeforeFirmware150() throws Exception {
    var result = reply("pv-getstatus-reply-venus-a-fw147.json").requireResult();

    PvStatus fw147 = PvStatus.from(result, new DeviceProfile(Family.VENUS_A, new Firmware(147)));
    PvStatus fw150 = PvStatus.from(result, new DeviceProfile(Family.VENUS_A, new Firmware(150)));

    assertThat(fw147.channels()).hasSize(4);
    assertThat(fw147.channels().get(0).power()).isEqualTo(Watts.of(41.5));
    assertThat(fw147.channels().get(1).power()).isEqualTo(Watts.of(52));
    assertThat(fw147.channels().get(3).voltage()).contains(49.0);
    assertThat(fw147.channels().get(2).working()).contains(true);
    assertThat(fw147.totalPower()).isEqualTo(Watts.of(41.5 + 52 + 58 + 33));
    assertThat(fw150.channels().get(0).power()).isEqualTo(Watts.of(415));
  }

  @Test
  void readsTheSingleChannelPvShape() throws Exception {
    PvStatus pv =
        PvStatus.from(
            reply("pv-getstatus-reply-single-channel.json").requireResult(),
            new DeviceProfile(Family.VENUS_D, new Firmware(147)));

    assertThat(pv.channels())
        .containsExactly(
            new PvStatus.PvChannel(
                1, Watts.of(580), Optional.of(42.0), Optional.of(13.0), Optional.of(true)));
  }

  @Test
  void readsErrorObjects() throws Exception {
    Reply notFound = reply("pv-getstatus-reply-venus-e-not-found.json");
    Reply busy = reply("error-reply-parse-busy.json");

    assertThat(notFound.error())
        .contains(new RpcError(-32601, "Method not found", OptionalInt.of(424)));
    assertThat(notFound.error().orElseThrow().isMethodNotFound()).isTrue();
    assertThat(busy.id()).isZero();
    assertThat(busy.error().orElseThrow().isParseError()).isTrue();
    assertThat(busy.error().orElseThrow().data()).isEqualTo(OptionalInt.of(402));
    assertThatThrownBy(notFound::requireResult)
        .isInstanceOf(MalformedReply.class)
        .hasMessageContaining("-32601");
  }

  @Test
  void readsWriteAcknowledgements() throws Exception {
    assertThat(SetResult.from(reply("es-setmode-reply-accepted.json").requireResult()).accepted())
        .isTrue();
    assertThat(SetResult.from(reply("es-setmode-reply-rejected.json").requireResult()).accepted())
        .isFalse();
  }

  @Test
  void refusesDatagramsThatAreNotReplies() {
    assertMalformed("hello");
    assertMalformed("[]");
    assertMalformed("{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}");
    assertMalformed("{\"id\":\"7\",\"result\":{}}");
    assertMalformed("{\"id\":70000,\"result\":{}}");
    assertMalformed("{\"id\":7,\"src\":\"x\"}");
    assertMalformed("{\"id\":7,\"result\":{},\"error\":{\"code\":1}}");
  }

  private void assertMalformed(String datagram) {
    byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.parse(bytes, 0, bytes.length))
        .as(datagram)
        .isInstanceOf(MalformedReply.class);
  }
}
