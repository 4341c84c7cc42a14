package fr.marstek.automation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process battery port over the same physics. */
class SimulatedBatteryPortTest {

  private final MutableClock clock = MutableClock.atParis("2026-01-15T12:00");
  private final SimulatedBatteryPort port =
      SimulatedBatteryPort.create(
          BatteryId.of(2),
          SimulatorOptions.defaults()
              .withInitialSoc(Percent.of(62))
              .withLoad(HouseholdLoad.constant(Watts.of(300))),
          clock);

  @Test
  void statusReportsWhatThePhysicsDoes() throws Exception {
    port.apply(new ModeCommand.Passive(Watts.of(-1000), Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(30));

    var status = port.readStatus();

    assertThat(status.id()).isEqualTo(BatteryId.of(2));
    assertThat(status.observedAt()).isEqualTo(clock.instant());
    assertThat(status.mode()).isEqualTo(DeviceMode.PASSIVE);
    assertThat(status.acPower()).isEqualTo(Watts.of(-1000));
    assertThat(status.isCharging()).isTrue();
    assertThat(status.meterPower()).contains(Watts.of(1300));
    assertThat(status.chargedTotal()).isEqualTo(WattHours.of(500));
    assertThat(status.capacity()).isEqualTo(WattHours.of(5120));
    assertThat(status.soc().value()).isEqualTo(71);
  }

  @Test
  void identityIsTheConfiguredDevice() throws Exception {
    var identity = port.identify();

    assertThat(identity.model()).isEqualTo("VenusE 3.0");
    assertThat(identity.firmware()).isEqualTo(150);
    assertThat(identity.bleMac()).isEqualTo("0123456789ab");
  }

  @Test
  void anOfflineBatteryIsUnreachable() {
    port.offline(true);

    assertThatThrownBy(port::readStatus).isInstanceOf(BatteryUnreachable.class);
    assertThatThrownBy(() -> port.apply(new ModeCommand.Auto()))
        .isInstanceOf(BatteryUnreachable.class);
  }
}
