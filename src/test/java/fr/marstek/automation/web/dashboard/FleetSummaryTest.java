package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSummaryTest {

  private static BatteryCard card(
      String id, boolean online, Integer soc, Integer power, boolean drifted) {
    return new BatteryCard(
        id,
        online,
        soc,
        power,
        null,
        "AUTO",
        "MANUAL",
        Phrase.verbatim("cheap night"),
        "PLAN",
        false,
        drifted,
        null,
        5120,
        Instant.EPOCH,
        online ? null : Instant.EPOCH,
        online ? null : "no answer");
  }

  @Test
  void addsChargingAndDischargingSeparatelyAndWeighsTheChargeByCapacity() {
    var summary =
        FleetSummary.of(
            List.of(card("1", true, 40, -1000, false), card("2", true, 80, 300, false)), false);

    assertThat(summary.online()).isEqualTo(2);
    assertThat(summary.chargingW()).isEqualTo(1000);
    assertThat(summary.dischargingW()).isEqualTo(300);
    assertThat(summary.averageSoc()).isEqualTo(60);
    assertThat(summary.storedWh()).isEqualTo(5120 * 1.2);
    assertThat(summary.alerts()).isEmpty();
  }

  @Test
  void raisesAnAlertForAnOfflineBatteryADriftAndAPause() {
    var summary =
        FleetSummary.of(
            List.of(card("1", false, 40, -1000, false), card("2", true, 80, 0, true)), true);

    assertThat(summary.online()).isEqualTo(1);
    assertThat(summary.chargingW()).as("an offline battery's last power is not counted").isZero();
    assertThat(summary.alerts())
        .extracting(FleetSummary.Alert::key, FleetSummary.Alert::battery)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alert.paused", ""),
            org.assertj.core.groups.Tuple.tuple("alert.offline", "1"),
            org.assertj.core.groups.Tuple.tuple("alert.drift", "2"));
  }

  @Test
  void aCardShowsItsGaugeAndWhichWayThePowerFlows() {
    assertThat(card("1", true, 50, -1000, false).flow()).isEqualTo("charging");
    assertThat(card("1", true, 50, 1000, false).flow()).isEqualTo("discharging");
    assertThat(card("1", true, 50, 5, false).flow()).isEqualTo("idle");
    assertThat(card("1", true, 50, 0, false).gaugeFill()).startsWith("125.7 ");
  }
}
