package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.FieldQuirks;
import fr.marstek.automation.simulator.FieldQuirks.Quirk;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: a whole night (21:30 to 06:30, a 60 s poll on the test clock) against each quirk our
 * own requests could trigger, on reset-prone firmware 148: none fires, and the night charge
 * happens.
 */
class FieldQuirksNightTest {

  enum Field {
    MODE_READ_AFTER_SET(q -> q.modeReadRevert(true)),
    BAT_STATUS_BELOW_150(q -> q.batStatusResets(true)),
    // Owners' batteries were stable at one poll a minute; the old pace was about 400 an hour.
    RATE_ABOVE_120_AN_HOUR(q -> q.rateShutdown(120, Duration.ofHours(4))),
    INTEGER_MODES(q -> q.integerModes(true)),
    ALL_AT_ONCE(
        q ->
            q.modeReadRevert(true)
                .batStatusResets(true)
                .rateShutdown(120, Duration.ofHours(4))
                .integerModes(true));

    final Consumer<FieldQuirks> setUp;

    Field(Consumer<FieldQuirks> setUp) {
      this.setUp = setUp;
    }
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void aNightTriggersNoneOfTheQuirksOurRequestsCouldTrigger(Field field) throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30)).withFirmware(148);
    try (var control = UdpControl.at("2026-12-01T21:30:00", options)) {
      FieldQuirks quirks = control.device(1).quirks();
      field.setUp.accept(quirks);
      double[] highest = {0};

      control.cycleEvery(
          Duration.ofSeconds(60),
          "2026-12-02T06:30:00",
          () -> highest[0] = Math.max(highest[0], control.battery(1).soc().value()));

      for (Quirk quirk : Quirk.values()) {
        assertThat(quirks.fired(quirk)).as(quirk.name()).isZero();
      }
      assertThat(highest[0]).isEqualTo(100);
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(control.view(1).confirmed()).isTrue();
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
    }
  }
}
