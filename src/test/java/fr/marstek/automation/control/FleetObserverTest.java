package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.marstek.MarstekClientSettings;
import fr.marstek.automation.device.marstek.UdpBatteries;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/** The observer over real UDP to the simulator, one cycle at a time on the test clock. */
class FleetObserverTest {

  /**
   * 1 s for each reply, one retry: these tests count polls on the test clock, not real time, and on
   * a loaded machine an answering battery's reply can come later than the fast 250 ms, which made a
   * poll that should succeed fail like a silent one. A request the silenced device leaves
   * unanswered is given up at once ({@link UdpBatteries#startKnowingSilences}), so silent polls
   * cost no real time.
   */
  private static final MarstekClientSettings PATIENT =
      UdpBatteries.fastPacing(Duration.ofSeconds(1), 1);

  private final MutableClock clock = MutableClock.atParis("2026-12-01T21:00:00");
  private final List<Object> events = new CopyOnWriteArrayList<>();

  @Test
  void aBatteryNotSeenYetCountsAsOfflineOnlyAfterTheConfiguredFailedPolls() throws Exception {
    try (var fleet = UdpBatteries.startKnowingSilences(PATIENT, clock, UdpControl.VENUS)) {
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

  /** A command is applied at the next cycle: started at once, not at the next regular poll. */
  @Test
  void aCommandStartsACycleAtOnceButNotTwiceWithinTenSeconds() throws Exception {
    var scheduler = new SimpleAsyncTaskScheduler();
    try (var fleet = UdpBatteries.startKnowingSilences(PATIENT, clock, UdpControl.VENUS)) {
      var observer =
          new FleetObserver(
              fleet,
              new ObserverSettings(Duration.ofHours(1), 3, false),
              events::add,
              clock,
              scheduler);
      BatteryId one = BatteryId.of(1);
      assertThat(observer.pollSoon(Optional.of(one))).as("the schedule is off: nothing").isZero();

      observer.start(); // its first regular poll now, the next in an hour
      await().atMost(Duration.ofSeconds(30)).until(() -> observedCount() == 1);
      int observed = 1;

      await().atMost(Duration.ofSeconds(30)).until(() -> observer.pollSoon(Optional.of(one)) == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> observedCount() == observed + 1);
      assertThat(observer.pollSoon(Optional.empty()))
          .as("a second command within 10 s waits for the next poll")
          .isZero();

      clock.advance(FleetObserver.SOONEST_AGAIN);
      await().atMost(Duration.ofSeconds(30)).until(() -> observer.pollSoon(Optional.empty()) == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> observedCount() == observed + 2);
      observer.stop();
    } finally {
      scheduler.close();
    }
  }

  private int observedCount() {
    return (int) events.stream().filter(BatteryStatusObserved.class::isInstance).count();
  }

  @Test
  void aBatteryNeverSeenIsOfflineAfterThreeFailedPolls() throws Exception {
    try (var fleet = UdpBatteries.startKnowingSilences(PATIENT, clock, UdpControl.VENUS)) {
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

  /** Issue 14: an unanswering battery is asked less often, not more, and polled again at once. */
  @Test
  void aSilentBatteryIsPolledLessAndLessOftenUpToEveryFiveMinutes() throws Exception {
    try (var fleet = UdpBatteries.startKnowingSilences(PATIENT, clock, UdpControl.VENUS)) {
      var observer =
          new FleetObserver(
              fleet,
              new ObserverSettings(Duration.ofSeconds(60), 3, false),
              events::add,
              clock,
              null);
      var device = fleet.device(1);
      device.faults().apiDisabled(true);

      List<Instant> polls = new ArrayList<>();
      for (int minute = 0; minute < 30; minute++) {
        int before = device.requestsReceived();
        observer.observeOnce();
        if (device.requestsReceived() > before) {
          polls.add(clock.instant());
        }
        clock.advance(Duration.ofSeconds(60));
      }

      // Offline after 3 failed polls, still every minute up to 6 (a lossy link gets through within
      // a few), then after 2 and 4 minutes, then every 5.
      assertThat(polls)
          .extracting(p -> Duration.between(polls.getFirst(), p).toMinutes())
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 8L, 12L, 17L, 22L, 27L);
      assertThat(events).filteredOn(BatteryWentOffline.class::isInstance).hasSize(1);

      device.faults().apiDisabled(false);
      clock.advance(Duration.ofMinutes(5));
      observer.observeOnce();
      clock.advance(Duration.ofSeconds(60));
      int before = device.requestsReceived();
      observer.observeOnce();
      assertThat(device.requestsReceived()).as("back to every poll").isGreaterThan(before);
      assertThat(events).filteredOn(BatteryCameBack.class::isInstance).hasSize(1);
    }
  }

  @Test
  void aCycleStillRunningWhenThreeMoreWereDueShowsAsStalledUntilItEnds() throws Exception {
    try (var fleet = UdpBatteries.startKnowingSilences(PATIENT, clock, UdpControl.VENUS)) {
      var release = new java.util.concurrent.CountDownLatch(1);
      var observer =
          new FleetObserver(
              fleet,
              new ObserverSettings(Duration.ofSeconds(30), 3, false),
              event -> {
                if (event instanceof BatteryStatusObserved && release.getCount() > 0) {
                  try {
                    release.await(); // a listener that hangs, as a database call once did
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              },
              clock,
              null);
      Thread hung = Thread.ofVirtual().start(() -> cyclesQuietly(observer, 1));
      while (observer.health(BatteryId.of(1)).lastSeen().isEmpty()) {
        Thread.onSpinWait(); // until the first poll reached the hung listener
      }

      cycles(observer, 2);
      assertThat(observer.stalls()).isEmpty();
      cycles(observer, 1);
      assertThat(observer.stalls())
          .singleElement()
          .satisfies(s -> assertThat(s.battery()).isEqualTo(BatteryId.of(1)));

      release.countDown();
      hung.join();
      cycles(observer, 1);
      assertThat(observer.stalls()).isEmpty();
    }
  }

  private void cyclesQuietly(FleetObserver observer, int count) {
    try {
      cycles(observer, count);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void cycles(FleetObserver observer, int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      observer.observeOnce();
      clock.advance(Duration.ofSeconds(30));
    }
  }
}
