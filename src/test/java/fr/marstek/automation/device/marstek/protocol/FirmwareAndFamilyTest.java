package fr.marstek.automation.device.marstek.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirmwareAndFamilyTest {

  @ParameterizedTest
  @CsvSource({"150,150", "1476,147", "1487,148", "1492,149", "1509,150", "139,139", "0,0"})
  void normalisesFourDigitSubReleases(int wire, int release) {
    assertThat(new Firmware(wire).release()).isEqualTo(release);
  }

  @ParameterizedTest
  @CsvSource({
    "VenusE 3.0,VENUS_E3",
    "VNSE3-0,VENUS_E3",
    "VenusE,HMG50",
    "VenusC,HMG50",
    "VenusA,VENUS_A",
    "VenusA 3.0,VENUS_A",
    "VNSA-0,VENUS_A",
    "Venus D,VENUS_D",
    "VNSD-0,VENUS_D",
    "VNSEM-0,VENUS_E_MINI",
    "Toaster,UNKNOWN"
  })
  void recognisesFamiliesByDisplayNameOrSku(String device, Family family) {
    assertThat(Family.of(device)).isEqualTo(family);
  }

  @ParameterizedTest
  @CsvSource({
    "VENUS_E3,138,240,240", // out of range: not a temperature at all
    "VENUS_E3,139,240,24",
    "VENUS_E3,1420,240,24",
    "VENUS_E3,144,24,24",
    "HMG50,140,24,24"
  })
  void scalesBatteryTemperatureOnlyOnVenusE3Firmware139To142(
      Family family, int firmware, double raw, double expected) {
    var scaling = new Scaling(new DeviceProfile(family, new Firmware(firmware)));

    var temperature = scaling.batteryTemperature(raw);

    if (expected >= 200) {
      assertThat(temperature).isEmpty();
    } else {
      assertThat(temperature).contains(new Celsius(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "VENUS_A,148,100,100",
    "VENUS_A,149,100,1000",
    "VENUS_D,149,100,100",
    "VENUS_D,150,100,1000",
    "VENUS_E3,150,100,100"
  })
  void scalesLifetimePvEnergyFromHundredthsOfAKilowattHour(
      Family family, int firmware, double raw, double wattHours) {
    var scaling = new Scaling(new DeviceProfile(family, new Firmware(firmware)));

    assertThat(scaling.totalPvEnergy(raw)).isEqualTo(WattHours.of(wattHours));
  }

  @ParameterizedTest
  @CsvSource({"VENUS_A,147,41.5", "VENUS_D,1492,41.5", "VENUS_A,150,415", "UNKNOWN,0,415"})
  void scalesPvChannelOneFromDeciwattsOnVenusAAndDBefore150(
      Family family, int firmware, double watts) {
    var scaling = new Scaling(new DeviceProfile(family, new Firmware(firmware)));

    assertThat(scaling.pv1Power(415)).isEqualTo(Watts.of(watts));
  }
}
