package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleForecastTest {

  private static final OperatingSchedule SEED = OperatingSchedule.ofHours(6, 22);
  private final DesiredStateSelector selector =
      new DesiredStateSelector(SEED, SafetyLimits.venusE(), ControlTestKit.TEMPO_HOURS);

  private static Instant paris(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
  }

  @Test
  void theNext24HoursFromNoonAreDayNightDay() {
    var now = paris("2026-12-01T12:00:00");

    var steps =
        ScheduleForecast.ahead(
            selector,
            SEED,
            BatteryId.of(1),
            Percent.of(50),
            List.of(),
            now,
            Duration.ofHours(24),
            t -> java.util.Optional.empty());

    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).state().intent()).isInstanceOf(SelfConsumption.class);
    assertThat(steps.get(1).from()).isEqualTo(paris("2026-12-01T22:00:00"));
    assertThat(steps.get(1).state().intent()).isInstanceOf(GridCharge.class);
    assertThat(steps.get(2).from()).isEqualTo(paris("2026-12-02T06:00:00"));
    assertThat(steps.get(2).to()).isEqualTo(paris("2026-12-02T12:00:00"));
  }

  @Test
  void anOverrideShowsUntilItEnds() {
    var now = paris("2026-12-01T12:00:00");
    var override =
        new ModeOverride(Optional.empty(), new VendorAi(), paris("2026-12-01T15:30:00"), false);

    var steps =
        ScheduleForecast.ahead(
            selector,
            SEED,
            BatteryId.of(1),
            Percent.of(50),
            List.of(override),
            now,
            Duration.ofHours(24),
            t -> java.util.Optional.empty());

    assertThat(steps.get(0).state().intent()).isInstanceOf(VendorAi.class);
    assertThat(steps.get(0).to()).isEqualTo(paris("2026-12-01T15:30:00"));
    assertThat(steps.get(1).state().cause()).isEqualTo(Cause.SCHEDULE);
  }

  @Test
  void theFallBackNightLastsNineHoursInTheForecast() {
    var now = paris("2026-10-24T21:00:00");

    var steps =
        ScheduleForecast.ahead(
            selector,
            SEED,
            BatteryId.of(1),
            Percent.of(50),
            List.of(),
            now,
            Duration.ofHours(12),
            t -> java.util.Optional.empty());

    var night = steps.get(1);
    assertThat(Duration.between(night.from(), night.to())).isEqualTo(Duration.ofHours(9));
  }
}
