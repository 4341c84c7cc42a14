package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.marstek.FailoverBatteries;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 items 4 and 8: a battery configured for the Open API with a Modbus address too, both
 * front doors of one simulated battery on loopback. Its Open API falls silent at 21:40; the service
 * switches it to Modbus TCP, says so once, and the night charge is commanded and confirmed over
 * Modbus.
 */
class OpenApiFailoverTest {

  private static final Duration POLL = Duration.ofSeconds(60);

  @Test
  void aSilentOpenApiFailsOverToModbusAndTheNightChargeIsConfirmedThere() throws Exception {
    var clock = MutableClock.atParis("2026-12-01T21:30:00");
    List<Object> events = new CopyOnWriteArrayList<>();
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var fleet = FailoverBatteries.start(options, clock)) {
      var cycle = new CycleHandle();
      var observer =
          new FleetObserver(
              fleet, new ObserverSettings(POLL, 3, false), events::add, clock, null, cycle);
      var control =
          ControlTestKit.control(
              fleet,
              UdpControl.SEED,
              events::add,
              clock,
              ImportCapSettings.none(),
              observer.observation());
      cycle.set(control.cycle());
      BatteryId one = BatteryId.of(1);

      Instant silentAt = MutableClock.atParis("2026-12-01T21:40:00").instant();
      Instant end = MutableClock.atParis("2026-12-01T23:00:00").instant();
      long udpAtSwitch = -1;
      while (clock.instant().isBefore(end)) {
        if (!clock.instant().isBefore(silentAt)) {
          fleet.openApi().faults().apiDisabled(true);
        }
        observer.observeOnce();
        if (udpAtSwitch < 0 && fleet.battery().protocol().equals("modbus")) {
          udpAtSwitch = fleet.openApi().requestsReceived();
        }
        clock.advance(POLL);
      }

      System.out.printf(
          "failover: switched at %s, Open API requests after the switch %d, protocol %s%n",
          events.stream()
              .filter(BatteryProtocolSwitched.class::isInstance)
              .map(e -> ((BatteryProtocolSwitched) e).at())
              .toList(),
          fleet.openApi().requestsReceived() - udpAtSwitch,
          observer.protocol(one));
      // Told once, at the third silent poll (21:42), before the health guard called it offline.
      assertThat(events)
          .filteredOn(BatteryProtocolSwitched.class::isInstance)
          .singleElement()
          .satisfies(
              e -> {
                var switched = (BatteryProtocolSwitched) e;
                assertThat(switched.from()).isEqualTo("openapi");
                assertThat(switched.to()).isEqualTo("modbus");
                assertThat(switched.at())
                    .isEqualTo(MutableClock.atParis("2026-12-01T21:42:00").instant());
              });
      assertThat(events).noneMatch(BatteryWentOffline.class::isInstance);
      assertThat(observer.protocol(one)).isEqualTo("modbus");
      assertThat(observer.health(one).online()).isTrue();
      // The silent Open API is left alone from the switch on.
      assertThat(fleet.openApi().requestsReceived()).isEqualTo(udpAtSwitch);
      // The night charge, commanded and confirmed over Modbus TCP.
      assertThat(events)
          .filteredOn(DesiredStateReached.class::isInstance)
          .anySatisfy(
              r ->
                  assertThat(((DesiredStateReached) r).desired().intent())
                      .isInstanceOf(Intent.GridCharge.class));
      assertThat(fleet.openApi().battery().externalControl().on()).isTrue();
      assertThat(fleet.openApi().battery().acPower().value()).isLessThan(-2000);
      assertThat(control.queries().view(one).orElseThrow().confirmed()).isTrue();
      assertThat(fleet.battery().readStatus().mode()).isEqualTo(DeviceMode.MANUAL);
      assertThat(events).noneMatch(BatteryDrifted.class::isInstance);
    }
  }
}
