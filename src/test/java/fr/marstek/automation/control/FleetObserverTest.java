package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.marstek.UdpBatteries;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The observer over real UDP to the simulator, one cycle at a time on the test clock. */
class FleetObserverTest {

  private final MutableClock clock = MutableClock.atParis("2026-12-01T21:00:00");
  private final List<Object> events = new CopyOnWriteArrayList<>();

  @Test
  void aBatteryNotSeenYetCountsAsOfflineOnlyAfterTheConfiguredFailedPolls() throws Exception {
    try (var fleet =
        UdpBatteries.start(UdpBatteries.fastPacing(), clock, List.of(UdpControl.VENUS))) {
      var observer =
          new FleetObserver(
              fleet,
              new ObserverSettings(Duration.ofSeconds(30), 3, false),
              events::add,
              clock,
              null);
      var faults = fleet.device(1).faults().apiDisabled(true); // slow to answer after a restart

      cycles(observer, 2);
      assertThat(events).filteredOn(BatteryWentOffline.class::isInstance).isEmpty();
      assertThat(observer.health(BatteryId.of(1)).offlineSince()).isEmpty();

      faults.apiDisabled(false);
      cycles(observer, 1);
      assertThat(events).filteredOn(BatteryCameBack.class::isInstance).isEmpty();
      assertThat(observer.health(BatteryId.of(1)).online()).isTrue();

      faults.apiDisabled(true);
      cycles(observer, 3);
      assertThat(events).filteredOn(BatteryWentOffline.class::isInstance).hasSize(1);
    }
  }

  @Test
  void aBatteryNeverSeenIsOfflineAfterThreeFailedPolls() throws Exception {
    try (var fleet =
        UdpBatteries.start(UdpBatteries.fastPacing(), clock, List.of(UdpControl.VENUS))) {
      var observer =
          new FleetObserver(
              fleet,
              new ObserverSettings(Duration.ofSeconds(30), 3, false),
              events::add,
              clock,
              null);
      fleet.device(1).faults().apiDisabled(true);

      cycles(observer, 3);

      assertThat(events).filteredOn(BatteryWentOffline.class::isInstance).hasSize(1);
      assertThat(observer.health(BatteryId.of(1)).online()).isFalse();
    }
  }

  private void cycles(FleetObserver observer, int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      observer.observeOnce();
      clock.advance(Duration.ofSeconds(30));
    }
  }
}
