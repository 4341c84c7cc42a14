package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Settings changed while the service runs reach the batteries at the next control cycle, over real
 * UDP to the simulator: the variables are read again as the service does after SettingsChanged.
 */
class SettingsChangeOverUdpTest {

  private final Map<String, String> variables =
      new ConcurrentHashMap<>(Map.of("STRATEGY", "fixed"));

  private ControlSettingsReload reloadFor(UdpControl control) {
    return new ControlSettingsReload(
        () -> new Variables(variables), control.automation, () -> null);
  }

  private void change(ControlSettingsReload reload, String name, String value) {
    variables.put(name, value);
    reload.on(new SettingsChanged(Set.of(name)));
  }

  @Test
  void aLowerChargePowerIsSentAtTheNextCycleWhileTheNightChargeGoesOn() throws Exception {
    try (var control = UdpControl.at("2026-12-01T05:00:00", UdpControl.VENUS)) {
      var reload = reloadFor(control);
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower()).isEqualTo(Watts.of(-2500));
      int commandsBefore = control.eventsOf(CommandSent.class, 1).size();

      change(reload, "MAX_CHARGE_W", "1200");
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();

      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(control.battery(1).acPower()).isEqualTo(Watts.of(-1200));
      assertThat(control.eventsOf(CommandSent.class, 1)).hasSizeGreaterThan(commandsBefore);
      assertThat(control.automation.settings().defaults().maxCharge()).isEqualTo(Watts.of(1200));
    }
  }

  @Test
  void anEarlierDayStartTurnsTheNightChargeIntoSelfConsumptionAtTheNextCycle() throws Exception {
    try (var control = UdpControl.at("2026-12-01T05:00:00", UdpControl.VENUS)) {
      var reload = reloadFor(control);
      control.cycle();
      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.MANUAL);

      change(reload, "AUTO_MODE_START_HOUR", "4");
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();

      assertThat(control.battery(1).mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(control.view(1).desired().orElseThrow().cause()).isEqualTo(Cause.SCHEDULE);
    }
  }

  @Test
  void aChangeAboutAnotherFeatureSendsNothing() throws Exception {
    try (var control = UdpControl.at("2026-12-01T05:00:00", UdpControl.VENUS)) {
      var reload = reloadFor(control);
      control.cycle();
      int commandsBefore = control.eventsOf(CommandSent.class, 1).size();

      change(reload, "NOTIFICATION_URLS", "json://127.0.0.1:9/x");
      control.clock.advance(Duration.ofSeconds(30));
      control.cycle();

      assertThat(control.eventsOf(CommandSent.class, 1)).hasSize(commandsBefore);
      assertThat(control.battery(1).acPower()).isEqualTo(Watts.of(-2500));
    }
  }
}
