package fr.marstek.automation.device.marstek.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RequestEncodingTest {

  private final MarstekCodec codec = new MarstekCodec();

  private String encode(int id, Request request) {
    return new String(codec.encode(id, request), StandardCharsets.UTF_8);
  }

  @Test
  void encodesTheDiscoveryProbeCompactly() {
    assertThat(encode(0, Request.getDevice()))
        .isEqualTo("{\"id\":0,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}");
  }

  @Test
  void encodesEveryStatusReadWithInstanceZero() {
    assertThat(encode(2, Request.read(Method.WIFI_STATUS)))
        .isEqualTo("{\"id\":2,\"method\":\"Wifi.GetStatus\",\"params\":{\"id\":0}}");
    assertThat(encode(3, Request.read(Method.BLE_STATUS)))
        .isEqualTo("{\"id\":3,\"method\":\"BLE.GetStatus\",\"params\":{\"id\":0}}");
    assertThat(encode(4, Request.read(Method.BAT_STATUS)))
        .isEqualTo("{\"id\":4,\"method\":\"Bat.GetStatus\",\"params\":{\"id\":0}}");
    assertThat(encode(5, Request.read(Method.ES_STATUS)))
        .isEqualTo("{\"id\":5,\"method\":\"ES.GetStatus\",\"params\":{\"id\":0}}");
    assertThat(encode(6, Request.read(Method.ES_MODE)))
        .isEqualTo("{\"id\":6,\"method\":\"ES.GetMode\",\"params\":{\"id\":0}}");
    assertThat(encode(8, Request.read(Method.EM_STATUS)))
        .isEqualTo("{\"id\":8,\"method\":\"EM.GetStatus\",\"params\":{\"id\":0}}");
    assertThat(encode(9, Request.read(Method.PV_STATUS)))
        .isEqualTo("{\"id\":9,\"method\":\"PV.GetStatus\",\"params\":{\"id\":0}}");
  }

  @Test
  void encodesAutoAndAi() throws Exception {
    assertThat(encode(11, Request.setMode(new ModeCommand.Auto(), Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":11,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Auto\",\"auto_cfg\":{\"enable\":1}}}}");
    assertThat(encode(12, Request.setMode(new ModeCommand.Ai(), Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":12,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"AI\",\"ai_cfg\":{\"enable\":1}}}}");
  }

  @Test
  void encodesManualSlotsWithNegativePowerForCharging() throws Exception {
    var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    var night =
        new ManualSlot(0, LocalTime.of(2, 0), LocalTime.of(6, 0), weekdays, Watts.of(-2000), true);
    var evening =
        new ManualSlot(
            1,
            LocalTime.of(18, 0),
            LocalTime.of(22, 0),
            EnumSet.allOf(DayOfWeek.class),
            Watts.of(800),
            true);

    assertThat(encode(13, Request.setMode(new ModeCommand.Manual(night), Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":13,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":0,\"start_time\":\"02:00\",\"end_time\":\"06:00\",\"week_set\":31,\"power\":-2000,\"enable\":1}}}}");
    assertThat(encode(14, Request.setMode(new ModeCommand.Manual(evening), Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":14,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":1,\"start_time\":\"18:00\",\"end_time\":\"22:00\",\"week_set\":127,\"power\":800,\"enable\":1}}}}");
  }

  @Test
  void encodesTheDisabledPlaceholderSlot() throws Exception {
    assertThat(
            encode(
                21,
                Request.setMode(new ModeCommand.Manual(ManualSlot.placeholder()), Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":21,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Manual\",\"manual_cfg\":{\"time_num\":9,\"start_time\":\"00:00\",\"end_time\":\"00:00\",\"week_set\":0,\"power\":0,\"enable\":0}}}}");
  }

  @Test
  void encodesPassiveChargeAndDischarge() throws Exception {
    var charge = new ModeCommand.Passive(Watts.of(-1000), Duration.ofMinutes(5));
    var discharge = new ModeCommand.Passive(Watts.of(1500), Duration.ofMinutes(20));

    assertThat(encode(15, Request.setMode(charge, Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":15,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":-1000,\"cd_time\":300}}}}");
    assertThat(encode(16, Request.setMode(discharge, Family.VENUS_E3)))
        .isEqualTo(
            "{\"id\":16,\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":{\"mode\":\"Passive\",\"passive_cfg\":{\"power\":1500,\"cd_time\":1200}}}}");
  }

  @Test
  void roundsAPartialCountdownSecondUp() throws Exception {
    var passive = new ModeCommand.Passive(Watts.of(-100), Duration.ofMillis(1500));

    assertThat(encode(1, Request.setMode(passive, Family.VENUS_E3))).contains("\"cd_time\":2}");
  }

  @Test
  void refusesPowerBeyondTheFamilyLimitsBeforeSending() {
    var tooMuchCharge = new ModeCommand.Passive(Watts.of(-2600), Duration.ofMinutes(5));
    var tooMuchForVenusA = new ModeCommand.Passive(Watts.of(1600), Duration.ofMinutes(5));
    var slot =
        new ManualSlot(
            6,
            LocalTime.of(1, 0),
            LocalTime.of(2, 0),
            EnumSet.of(DayOfWeek.MONDAY),
            Watts.ZERO,
            true);

    assertThatThrownBy(() -> Request.setMode(tooMuchCharge, Family.VENUS_E3))
        .isInstanceOf(InvalidCommand.class)
        .hasMessageContaining("charge power -2600 W")
        .hasMessageContaining("2500 W");
    assertThatThrownBy(() -> Request.setMode(tooMuchForVenusA, Family.VENUS_A))
        .isInstanceOf(InvalidCommand.class)
        .hasMessageContaining("discharge power 1600 W");
    assertThatThrownBy(() -> Request.setMode(new ModeCommand.Manual(slot), Family.VENUS_E_MINI))
        .isInstanceOf(InvalidCommand.class)
        .hasMessageContaining("0-5");
  }

  @Test
  void acceptsPowerExactlyAtTheLimit() throws Exception {
    var full = new ModeCommand.Passive(Watts.of(-2500), Duration.ofMinutes(5));

    assertThat(encode(1, Request.setMode(full, Family.VENUS_E3))).contains("\"power\":-2500");
  }
}
