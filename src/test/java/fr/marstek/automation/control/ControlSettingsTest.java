package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlSettingsTest {

  @Test
  void theSeedsDefaultsAreSixToTwentyTwoWithVenusELimits() {
    var settings = ControlSettings.from(new Variables(Map.of()));

    assertThat(settings.schedule().dayStart()).isEqualTo(LocalTime.of(6, 0));
    assertThat(settings.schedule().dayEnd()).isEqualTo(LocalTime.of(22, 0));
    assertThat(settings.limitsFor(BatteryId.of(1))).isEqualTo(SafetyLimits.venusE());
  }

  @Test
  void aBatteryCanHaveItsOwnLimits() {
    var variables =
        new Variables(
            Map.of(
                "RESERVE_SOC",
                "15",
                "BATTERY_2_MAX_DISCHARGE_W",
                "2500",
                "BATTERY_2_RESERVE_SOC",
                "30"));

    var settings = ControlSettings.from(variables);

    assertThat(settings.limitsFor(BatteryId.of(1)).reserve()).isEqualTo(Percent.of(15));
    assertThat(settings.limitsFor(BatteryId.of(2)).reserve()).isEqualTo(Percent.of(30));
    assertThat(settings.limitsFor(BatteryId.of(2)).maxDischarge()).isEqualTo(Watts.of(2500));
    assertThat(settings.limitsFor(BatteryId.of(2)).maxCharge()).isEqualTo(Watts.of(2500));
    assertThat(variables.problems()).isEmpty();
  }

  @Test
  void everyMistakeIsNamedWithWhatIsExpected() {
    var variables =
        new Variables(
            Map.of(
                "AUTO_MODE_START_HOUR",
                "25",
                "BATTERY_1_MAX_CHARGE_W",
                "4000",
                "AUTO_MODE_END_HOUR",
                "6"));

    ControlSettings.from(variables);

    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "AUTO_MODE_START_HOUR=25: expected an hour of the day 0-23",
            "AUTO_MODE_END_HOUR=6: expected an hour other than AUTO_MODE_START_HOUR",
            "BATTERY_1_MAX_CHARGE_W=4000: expected a charging power 1-2500 (W)");
  }
}
