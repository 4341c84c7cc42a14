package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.testing.BenchmarkReport;
import fr.marstek.automation.units.Percent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Modbus requests per battery-hour, in steady state and around the 22:00 and 06:00 switches, and
 * the time from 22:00 to a confirmed night charge: one battery from 21:00 to 07:00 over loopback
 * TCP, each profile's real pacing (150 ms / 50 ms between requests, 1 s before a read-back) taken
 * on the test clock, for the 30 s and 60 s poll intervals.
 */
@Tag("benchmark")
class ModbusRequestBenchmark {

  private record Cycle(Instant start, long requests) {}

  private record Window(String name, String from, String to) {}

  private static final List<Window> WINDOWS =
      List.of(
          new Window("day, steady (21:00-22:00)", "2026-12-01T21:00", "2026-12-01T22:00"),
          new Window("around 22:00 (21:30-22:30)", "2026-12-01T21:30", "2026-12-01T22:30"),
          new Window("night, charging (22:30-23:30)", "2026-12-01T22:30", "2026-12-01T23:30"),
          new Window("night, full and held (01:00-02:00)", "2026-12-02T01:00", "2026-12-02T02:00"),
          new Window("around 06:00 (05:30-06:30)", "2026-12-02T05:30", "2026-12-02T06:30"));

  @Test
  void countsRequestsPerBatteryHourAndTheTimeToAConfirmedNightCharge() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> switches = new ArrayList<>();
    for (ModbusProfile profile : ModbusProfile.values()) {
      for (int seconds : new int[] {30, 60}) {
        run(profile, Duration.ofSeconds(seconds), rows, switches);
      }
    }
    new BenchmarkReport("Modbus: requests per battery-hour")
        .table(List.of("profile", "poll", "window", "requests", "per cycle (median)"), rows)
        .table(
            List.of(
                "profile",
                "poll",
                "22:00 cycle: requests",
                "22:00 to charge confirmed (s)",
                "06:00 cycle: requests",
                "06:00 to self-consumption confirmed (s)"),
            switches)
        .write("modbus-requests");
  }

  private static void run(
      ModbusProfile profile, Duration poll, List<List<String>> rows, List<List<String>> switches)
      throws Exception {
    var options = UdpControl.VENUS.withInitialSoc(Percent.of(30));
    try (var control = ModbusControl.at("2026-12-01T20:59:00", profile, options)) {
      List<Cycle> cycles = new ArrayList<>();
      long[] before = {0};
      Instant[] started = {control.clock.instant()};
      control.cycleEvery(
          poll,
          "2026-12-02T07:00:00",
          () -> {
            long now = control.fleet.requestsSent(1);
            cycles.add(new Cycle(started[0], now - before[0]));
            before[0] = now;
            started[0] = nextStart(started[0], poll, control);
          });
      for (Window w : WINDOWS) {
        Instant from = at(w.from());
        Instant to = at(w.to());
        List<Long> in =
            cycles.stream()
                .filter(c -> !c.start().isBefore(from) && c.start().isBefore(to))
                .map(Cycle::requests)
                .sorted()
                .toList();
        long sum = in.stream().mapToLong(Long::longValue).sum();
        rows.add(
            List.of(
                profile.setting(),
                poll.toSeconds() + " s",
                w.name(),
                Long.toString(sum),
                Long.toString(in.get(in.size() / 2))));
      }
      switches.add(
          List.of(
              profile.setting(),
              poll.toSeconds() + " s",
              Long.toString(requestsAt(cycles, "2026-12-01T22:00")),
              seconds(confirmed(control, Intent.GridCharge.class), "2026-12-01T22:00"),
              Long.toString(requestsAt(cycles, "2026-12-02T06:00")),
              seconds(confirmed(control, Intent.SelfConsumption.class), "2026-12-02T06:00")));
      assertThat(control.eventsOf(BatteryDrifted.class)).isEmpty();
    }
  }

  private static Instant nextStart(Instant started, Duration poll, ModbusControl control) {
    Instant next = started.plus(poll);
    return control.clock.instant().isAfter(next) ? control.clock.instant() : next;
  }

  private static long requestsAt(List<Cycle> cycles, String local) {
    Instant at = at(local);
    return cycles.stream()
        .filter(c -> !c.start().isBefore(at))
        .findFirst()
        .orElseThrow()
        .requests();
  }

  private static Instant confirmed(ModbusControl control, Class<?> intent) {
    return control.eventsOf(DesiredStateReached.class).stream()
        .filter(r -> intent.isInstance(r.desired().intent()))
        .filter(r -> r.at().isAfter(at("2026-12-01T21:59")))
        .findFirst()
        .orElseThrow()
        .at();
  }

  private static String seconds(Instant confirmed, String switchAt) {
    return String.format(
        Locale.ROOT, "%.2f", Duration.between(at(switchAt), confirmed).toMillis() / 1000.0);
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }
}
