package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.simulator.RequestLog.Entry;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the Open API request budget per battery, counted by the simulated battery over real
 * UDP, one control cycle per 60 s poll on the test clock, from 20:00 through the 22:00 switch.
 */
class RequestBudgetOverUdpTest {

  private static final Duration POLL = Duration.ofSeconds(60);

  @Test
  void aBatteryGetsFewerThanAHundredRequestsAnHourInSteadyStateAndAroundTheSwitch()
      throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = UdpControl.at("2026-12-01T20:00:00", options)) {
      control.cycleEvery(POLL, "2026-12-01T23:00:00", () -> {});
      List<Entry> log = control.device(1).requestLog().entries();

      List<Entry> steady = between(log, "2026-12-01T20:30:00", "2026-12-01T21:30:00");
      List<Entry> around = between(log, "2026-12-01T21:30:00", "2026-12-01T22:30:00");
      System.out.printf(
          "requests per battery-hour, 60 s poll: steady %d %s, around 22:00 %d %s%n",
          steady.size(), byMethod(steady), around.size(), byMethod(around));
      assertThat(steady).hasSizeLessThan(100);
      assertThat(around).hasSizeLessThan(100);
      assertThat(byMethod(steady))
          .containsEntry("ES.GetStatus", 60L)
          .doesNotContainKey("ES.SetMode");
      assertThat(byMethod(around)).containsEntry("ES.SetMode", 2L);
      // The client counts what it sent; nothing was lost, so it matches what the battery handled.
      assertThat(control.fleet.battery(1).requestsLastHour())
          .isEqualTo(
              OptionalInt.of(between(log, "2026-12-01T22:00:00", "2026-12-01T23:00:00").size()));
      modeReadsKeptApart(log);
      assertThat(control.eventsOf(DesiredStateReached.class))
          .anySatisfy(r -> assertThat(r.desired().intent()).isInstanceOf(Intent.GridCharge.class));
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
    }
  }

  @Test
  void anImportCapReadsTheMeterAsOftenAsTheCapNeedsByNight() throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control =
        UdpControl.capped(
            "2026-12-01T20:00:00", ImportCapSettings.ofWatts(5400), List.of(options))) {
      control.cycleEvery(POLL, "2026-12-01T23:00:00", () -> {});
      List<Entry> log = control.device(1).requestLog().entries();

      var day = byMethod(between(log, "2026-12-01T20:30:00", "2026-12-01T21:30:00"));
      List<Entry> nightLog = between(log, "2026-12-01T22:00:00", "2026-12-01T23:00:00");
      var night = byMethod(nightLog);
      System.out.printf("import cap set: day %s, night %d %s%n", day, nightLog.size(), night);
      assertThat(day.get("EM.GetStatus")).isLessThanOrEqualTo(12L);
      // Every poll while the charge starts, then every 3 minutes: the cap (5.4 kW) is far.
      assertThat(night.get("EM.GetStatus")).isBetween(20L, 24L);
      assertThat(nightLog).hasSizeLessThan(100);
      assertThat(control.eventsOf(DesiredStateReached.class))
          .anySatisfy(r -> assertThat(r.desired().intent()).isInstanceOf(Intent.GridCharge.class));
      modeReadsKeptApart(log);
    }
  }

  /** No ES.GetMode within 60 s after an ES.SetMode, and none within 5 minutes of another. */
  private static void modeReadsKeptApart(List<Entry> log) {
    Instant lastSet = Instant.MIN;
    Instant lastRead = Instant.MIN;
    for (Entry e : log) {
      switch (e.method()) {
        case "ES.SetMode" -> lastSet = e.at();
        case "ES.GetMode" -> {
          assertThat(e.at()).as("mode read after a set").isAfterOrEqualTo(lastSet.plusSeconds(60));
          assertThat(e.at())
              .as("mode read after a mode read")
              .isAfterOrEqualTo(lastRead.plus(Duration.ofMinutes(5)));
          lastRead = e.at();
        }
        default -> {}
      }
    }
  }

  private static List<Entry> between(List<Entry> log, String from, String to) {
    Instant start = MutableClock.atParis(from).instant();
    Instant end = MutableClock.atParis(to).instant();
    return log.stream().filter(e -> !e.at().isBefore(start) && e.at().isBefore(end)).toList();
  }

  private static Map<String, Long> byMethod(List<Entry> entries) {
    return entries.stream()
        .collect(Collectors.groupingBy(Entry::method, TreeMap::new, Collectors.counting()));
  }
}
