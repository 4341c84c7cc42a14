package fr.marstek.automation.control;

import static fr.marstek.automation.units.PhraseFormat.english;
import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.Idle;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.Intent.VendorAi;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.peakoffpeak.PeakOffPeakTariff;
import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredStateSelectorTest {

  private static final BatteryId ONE = BatteryId.of(1);
  private static final BatteryId TWO = BatteryId.of(2);
  private final DesiredStateSelector selector =
      new DesiredStateSelector(
          OperatingSchedule.ofHours(6, 22), SafetyLimits.venusE(), ControlTestKit.TEMPO_HOURS);

  private static Instant paris(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
  }

  @Test
  void aServiceStartedAt2340WantsNightChargingAtOnce() {
    var state = selector.select(ONE, Percent.of(40), List.of(), paris("2026-12-01T23:40:00"));

    assertThat(state.intent()).isInstanceOf(GridCharge.class);
    assertThat(state.cause()).isEqualTo(Cause.SCHEDULE);
    assertThat(english(state.reason())).contains("until 06:00");
  }

  @Test
  void aFullBatteryHoldsItsChargeUntilMorning() {
    var state = selector.select(ONE, Percent.of(100), List.of(), paris("2026-12-02T03:00:00"));

    assertThat(state.intent()).isInstanceOf(Idle.class);
    assertThat(english(state.reason())).contains("Charged to 100 %");
  }

  @Test
  void byDayTheBatteryFollowsTheHouse() {
    var state = selector.select(ONE, Percent.of(40), List.of(), paris("2026-12-01T14:00:00"));

    assertThat(state.intent()).isInstanceOf(SelfConsumption.class);
  }

  @Test
  void anOverrideForOneBatteryWinsUntilItEnds() {
    var until = paris("2026-12-01T16:00:00");
    var override = new ModeOverride(Optional.of(ONE), new VendorAi(), until, false);

    var during =
        selector.select(ONE, Percent.of(40), List.of(override), paris("2026-12-01T15:00:00"));
    var other =
        selector.select(TWO, Percent.of(40), List.of(override), paris("2026-12-01T15:00:00"));
    var after = selector.select(ONE, Percent.of(40), List.of(override), until);

    assertThat(during.intent()).isInstanceOf(VendorAi.class);
    assertThat(during.cause()).isEqualTo(Cause.OVERRIDE);
    assertThat(other.intent()).isInstanceOf(SelfConsumption.class);
    assertThat(after.cause()).isEqualTo(Cause.SCHEDULE);
  }

  @Test
  void aBatterysOwnOverrideWinsOverOneForAll() {
    var until = paris("2026-12-01T16:00:00");
    var forAll = new ModeOverride(Optional.empty(), new Idle(), until, false);
    var forOne = new ModeOverride(Optional.of(ONE), new VendorAi(), until, false);

    var state =
        selector.select(ONE, Percent.of(40), List.of(forOne, forAll), paris("2026-12-01T15:00:00"));

    assertThat(state.intent()).isInstanceOf(VendorAi.class);
  }

  @Test
  void safetyWinsOverAnOverride() {
    var until = paris("2026-12-01T16:00:00");
    var charge =
        new ModeOverride(
            Optional.empty(),
            new GridCharge(SafetyLimits.venusE().maxCharge(), Percent.of(100)),
            until,
            false);

    var state = selector.select(ONE, Percent.of(40), List.of(charge), paris("2026-12-01T15:00:00"));

    assertThat(state.cause()).isEqualTo(Cause.SAFETY);
  }

  @Test
  void peakHoursAreTempoHoursNotTheHouseholdsSchedule() {
    assertThat(selector.isPeak(paris("2026-12-01T05:59:00"))).isFalse();
    assertThat(selector.isPeak(paris("2026-12-01T06:00:00"))).isTrue();
    assertThat(selector.isPeak(paris("2026-03-29T21:59:00"))).isTrue();
    assertThat(selector.isPeak(paris("2026-10-25T22:00:00"))).isFalse();
  }

  @Test
  void peakHoursAreTheLiveTariffsHours() {
    // a plain peak/off-peak contract whose off-peak hours run from 14:00 to 06:00
    Tariff offPeakFrom14 = new PeakOffPeakTariff(14, 6, Price.of(0.25), Price.of(0.15));
    var cheapAfternoons =
        new DesiredStateSelector(
            OperatingSchedule.ofHours(6, 22), SafetyLimits.venusE(), new PeakHours(offPeakFrom14));

    assertThat(cheapAfternoons.isPeak(paris("2026-12-01T15:00:00"))).isFalse();
    assertThat(selector.isPeak(paris("2026-12-01T15:00:00"))).isTrue();
  }
}
