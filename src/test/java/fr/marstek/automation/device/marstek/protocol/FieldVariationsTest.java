package fr.marstek.automation.device.marstek.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.marstek.Fixtures;
import fr.marstek.automation.units.Watts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: the reply shapes firmware in the field sends (field notes section 3), each accepted.
 */
class FieldVariationsTest {

  private static final DeviceProfile VENUS_E_150 =
      new DeviceProfile(Family.VENUS_E3, new Firmware(150));

  private final MarstekCodec codec = new MarstekCodec();

  private Reply reply(String datagram) throws MalformedReply {
    byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
    return codec.parse(bytes, 0, bytes.length);
  }

  /** Rev 3.1 transcriptions and the vendor library map 0-4 so (no capture yet: field notes 9.1). */
  @ParameterizedTest
  @CsvSource({"0, AUTO", "1, AI", "2, MANUAL", "3, PASSIVE", "4, UPS", "7, UNKNOWN"})
  void readsTheModeAsAnInteger(int wire, DeviceMode expected) throws Exception {
    String datagram =
        Fixtures.text("es-getmode-reply-integer-mode.json")
            .replace("\"mode\":3", "\"mode\":" + wire);

    assertThat(EsMode.from(reply(datagram).requireResult(), VENUS_E_150).mode())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"Auto, AUTO", "AI, AI", "Manual, MANUAL", "Passive, PASSIVE", "UPS, UPS", "Ups, UPS"})
  void readsTheModeAsAString(String wire, DeviceMode expected) throws Exception {
    String datagram =
        Fixtures.text("es-getmode-reply-fw150.json").replace("\"Auto\"", "\"" + wire + "\"");

    assertThat(EsMode.from(reply(datagram).requireResult(), VENUS_E_150).mode())
        .isEqualTo(expected);
  }

  /**
   * Firmware 150 answered params id 1 with result id 1 (T-DOC): the result is read all the same.
   */
  @Test
  void readsResultsWhoseIdIsOne() throws Exception {
    EsStatus status =
        EsStatus.from(
            reply(Fixtures.text("es-getstatus-reply-result-id-1.json")).requireResult(),
            VENUS_E_150);
    EsMode mode =
        EsMode.from(
            reply(Fixtures.text("es-getmode-reply-ups-result-id-1.json")).requireResult(),
            VENUS_E_150);

    assertThat(status.ongridPower()).isEqualTo(Watts.of(-1497));
    assertThat(mode.mode()).isEqualTo(DeviceMode.UPS);
  }

  /** Absent on Venus E 3.0 144-150 and HMG-50 155/156: unknown, never a false 0. */
  @Test
  void leavesTheBatteryPowerUnknownWhenTheFirmwareSendsNone() throws Exception {
    EsStatus without =
        EsStatus.from(
            reply(Fixtures.text("es-getstatus-reply-charging.json")).requireResult(), VENUS_E_150);
    EsStatus with =
        EsStatus.from(
            reply(Fixtures.text("es-getstatus-reply-hmg50-fw153-bat-power.json")).requireResult(),
            new DeviceProfile(Family.HMG50, new Firmware(153)));

    assertThat(without.batteryPower()).isEmpty();
    assertThat(with.batteryPower()).contains(Watts.ZERO);
  }

  /** UPS is read and shown, but no command this service sends asks for it. */
  @Test
  void noCommandAsksForUps() {
    assertThat(Arrays.stream(ModeCommand.class.getPermittedSubclasses()))
        .noneMatch(c -> c.getSimpleName().equalsIgnoreCase("Ups"));
  }
}
