package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fleet's summed counters never make Home Assistant see a drop (a new meter cycle). */
class FleetEnergyTest {

  private static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");

  private static BatteryHealth reported(int id, double chargedWh, double dischargedWh) {
    var status =
        new BatteryStatus(
            BatteryId.of(id),
            AT,
            Percent.of(50),
            Watts.of(0),
            DeviceMode.AUTO,
            WattHours.of(5120),
            Optional.empty(),
            Optional.empty(),
            WattHours.of(chargedWh),
            WattHours.of(dischargedWh));
    return new BatteryHealth(
        BatteryId.of(id),
        "127.0.0.1:3000" + id,
        true,
        Optional.of(status),
        Optional.of(AT),
        Optional.empty(),
        Optional.empty(),
        0);
  }

  private static BatteryHealth neverSeen(int id) {
    return new BatteryHealth(
        BatteryId.of(id),
        "127.0.0.1:3000" + id,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.of("not polled yet"),
        Optional.empty(),
        0);
  }

  @Test
  void sumsEveryBatterysCountersInKilowattHours() {
    var energy = FleetEnergy.of(List.of(reported(1, 1_234_567, 1_000_000), reported(2, 500, 250)));

    assertThat(energy).contains(new FleetEnergy(2, 1235.067, 1000.25));
  }

  @Test
  void publishesNothingUntilEveryBatteryHasReported() {
    assertThat(FleetEnergy.of(List.of(reported(1, 1000, 1000), neverSeen(2)))).isEmpty();
    assertThat(FleetEnergy.of(List.of())).isEmpty();
  }

  @Test
  void anOfflineBatteryKeepsItsLastCountersInTheSum() {
    BatteryHealth last = reported(2, 2000, 1000);
    var offline =
        new BatteryHealth(
            last.id(),
            last.address(),
            false,
            last.lastStatus(),
            last.lastSeen(),
            Optional.of("no reply to ES.GetStatus"),
            Optional.of(AT.plusSeconds(60)),
            3);

    assertThat(FleetEnergy.of(List.of(reported(1, 1000, 0), offline)))
        .contains(new FleetEnergy(2, 3.0, 1.0));
  }
}
