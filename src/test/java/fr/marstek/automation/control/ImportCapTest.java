package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportCapTest {

  private static final Instant NOW = Instant.parse("2026-12-01T21:05:00Z");
  private static final Duration POLL = Duration.ofSeconds(30);
  private static final double CAP = 5400;

  @Test
  void aChargingBatteryKeepsWhatItDrawsWhenTheMeterIsAtTheCap() {
    var self = charging(1, 2500, 5400, NOW.minusSeconds(60));
    var other = charging(2, 1400, 5400, NOW.minusSeconds(60));

    var decision = ImportCap.decide(CAP, self, List.of(other), POLL, NOW);

    assertThat(decision.allowance().allowed()).isEqualTo(2500);
  }

  @Test
  void aRisingHouseLoadLowersTheChargeAtOnceByWhatIsOver() {
    var self = charging(1, 2500, 8400, NOW.minusSeconds(60));

    var decision = ImportCap.decide(CAP, self, List.of(), POLL, NOW);

    assertThat(decision.allowance().allowed()).isEqualTo(0); // 2500 - 3000 over
    assertThat(decision.houseOver()).isFalse(); // a battery still charges: the house alone is not
  }

  @Test
  void aSecondBatteryWaitsUntilTheFirstShowsInTheReports() {
    var first = charging(1, 0, 1500, NOW.minusSeconds(5)); // allowed 5 s ago, no report since
    var second = idle(2, 1500);

    var decision = ImportCap.decide(CAP, second, List.of(first), POLL, NOW);

    assertThat(decision.allowance().allowed()).isZero();
    assertThat(decision.allowance().why().key()).isEqualTo("reason.cap.startsAfter");
  }

  @Test
  void aGrantNotYetSettledIsReservedForItsBattery() {
    var first = charging(1, 0, 1500, NOW.minusSeconds(5));
    var self = charging(2, 2000, 3500, NOW.minusSeconds(60));

    var decision = ImportCap.decide(CAP, self, List.of(first), POLL, NOW);

    assertThat(decision.allowance().allowed()).isEqualTo(1400); // 5400 - 3500 + 2000 - 2500
  }

  @ParameterizedTest
  @CsvSource({"1000, 1200, 1000", "1000, 1300, 1300", "1000, 900, 900"})
  void smallRaisesAreNotWorthACommandButLowersAlwaysAre(
      double granted, double room, double allowed) {
    var self = charging(1, granted, CAP - room + granted, NOW.minusSeconds(60), granted);

    var decision = ImportCap.decide(CAP, self, List.of(), POLL, NOW);

    assertThat(decision.allowance().allowed()).isEqualTo(allowed);
  }

  @Test
  void withoutAMeterReadingOnlyTheBatteriesAreHeldUnderTheCap() {
    var self = member(1, 0, Optional.empty(), false, 0, NOW);
    var other = member(2, -2500, Optional.empty(), true, 2500, NOW.minusSeconds(60));

    var decision = ImportCap.decide(CAP, self, List.of(other), POLL, NOW);

    assertThat(decision.allowance().allowed()).isEqualTo(2900);
    assertThat(decision.allowance().why().key()).isEqualTo("reason.cap.noMeter");
  }

  @Test
  void theHouseAloneOverTheCapIsSeenWhenNoBatteryCharges() {
    var decision = ImportCap.decide(CAP, idle(1, 6000), List.of(idle(2, 6000)), POLL, NOW);

    assertThat(decision.allowance().allowed()).isZero();
    assertThat(decision.houseOver()).isTrue();
  }

  @Test
  void anAllowanceBelowASensibleChargeHoldsTheBatteryAndSaysWhy() {
    var wanted =
        new DesiredState(
            new Intent.GridCharge(Watts.of(2500), Percent.of(100)),
            Cause.PLAN,
            fr.marstek.automation.units.Phrase.verbatim("plan"));

    var held =
        new ChargeAllowance(50, fr.marstek.automation.units.Phrase.verbatim("x")).apply(wanted);
    var limited =
        new ChargeAllowance(1200, fr.marstek.automation.units.Phrase.verbatim("x")).apply(wanted);

    assertThat(held.intent()).isEqualTo(new Intent.Idle());
    assertThat(held.cause()).isEqualTo(Cause.SAFETY);
    assertThat(limited.intent()).isEqualTo(new Intent.GridCharge(Watts.of(1200), Percent.of(100)));
    assertThat(limited.cause()).isEqualTo(Cause.PLAN);
  }

  @Test
  void settingsTakeTheSubscribedPowerLessTenPercentOrTheGivenCap() {
    assertThat(read(Map.of()).isSet()).isFalse();
    assertThat(read(Map.of("SUBSCRIBED_KVA", "6")).limitW()).isEqualTo(5400);
    assertThat(read(Map.of("SUBSCRIBED_KVA", "9", "MAX_GRID_IMPORT_W", "8000")))
        .isEqualTo(new ImportCapSettings(OptionalInt.of(9), 8000));
    assertThat(read(Map.of("MAX_GRID_IMPORT_W", "3000")).limitW()).isEqualTo(3000);
  }

  @Test
  void wrongSettingsSayWhatToWrite() {
    var variables = new Variables(Map.of("SUBSCRIBED_KVA", "7", "MAX_GRID_IMPORT_W", "abc"));
    ImportCapSettings.from(variables);
    var above = new Variables(Map.of("SUBSCRIBED_KVA", "6", "MAX_GRID_IMPORT_W", "6500"));
    ImportCapSettings.from(above);

    assertThat(variables.problems())
        .anySatisfy(
            p -> assertThat(p).startsWith("SUBSCRIBED_KVA=7: expected").contains("6, 9, 12"))
        .anySatisfy(p -> assertThat(p).startsWith("MAX_GRID_IMPORT_W=abc: expected"));
    assertThat(above.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("500-6000 W").contains("SUBSCRIBED_KVA=6"));
  }

  private static ImportCapSettings read(Map<String, String> values) {
    var variables = new Variables(values);
    var settings = ImportCapSettings.from(variables);
    assertThat(variables.problems()).isEmpty();
    return settings;
  }

  private static ImportCap.Member charging(int n, double draw, double meter, Instant grantedAt) {
    return charging(n, draw, meter, grantedAt, Math.max(draw, 2500));
  }

  private static ImportCap.Member charging(
      int n, double draw, double meter, Instant grantedAt, double granted) {
    return member(n, -draw, Optional.of(Watts.of(meter)), true, granted, grantedAt);
  }

  private static ImportCap.Member idle(int n, double meter) {
    return member(n, 0, Optional.of(Watts.of(meter)), false, 0, NOW);
  }

  private static ImportCap.Member member(
      int n,
      double ac,
      Optional<Watts> meter,
      boolean charging,
      double granted,
      Instant grantedAt) {
    var status =
        new BatteryStatus(
            BatteryId.of(n),
            NOW,
            Percent.of(40),
            Watts.of(ac),
            DeviceMode.MANUAL,
            WattHours.of(5120),
            meter,
            Optional.empty(),
            WattHours.of(0),
            WattHours.of(0));
    return new ImportCap.Member(BatteryId.of(n), status, NOW, charging, granted, grantedAt);
  }
}
