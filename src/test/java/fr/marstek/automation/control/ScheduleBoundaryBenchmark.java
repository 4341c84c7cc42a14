package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.CommandSent.Outcome;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.marstek.LoopbackClient;
import fr.marstek.automation.device.marstek.MarstekClientSettings;
import fr.marstek.automation.testing.BenchmarkReport;
import fr.marstek.automation.testing.LoopbackSimulators;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.testing.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Control issue: time from the 22:00 schedule boundary until every battery is confirmed charging
 * (Manual), over real UDP to simulated batteries, with and without 30 % packet loss. Control and
 * the simulators' physics run on a test clock; the client paces on the real one, so the wall time
 * measured is network, pacing and retries.
 */
@Tag("benchmark")
class ScheduleBoundaryBenchmark {

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);
  private static final int MAX_CYCLES = 20;
  private static final int LATER_CYCLES = 3;
  private static final int FAST_ROUNDS = Integer.getInteger("benchmark.fastRounds", 5);
  private static final int PACED_ROUNDS_SMALL = Integer.getInteger("benchmark.pacedRounds3", 3);
  private static final int PACED_ROUNDS_LARGE = Integer.getInteger("benchmark.pacedRounds100", 1);

  private record Pacing(String name, MarstekClientSettings settings, boolean checkLaterCycles) {}

  private record Scenario(Pacing pacing, int batteries, double loss, int rounds) {}

  private record Round(
      double seconds,
      int cycles,
      int commands,
      int unreachable,
      double datagramsPerBattery,
      int laterCommands,
      int laterDeviceChanges) {}

  @Test
  void everyBatteryIsConfirmedChargingSoonAfter2200() throws Exception {
    var fast =
        new Pacing(
            "fast (20 ms / 5 ms / 1 ms, timeouts 0.5 s)",
            LoopbackClient.timeouts(
                LoopbackClient.gaps(
                    Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(1)),
                Duration.ofMillis(500),
                Duration.ofMillis(500),
                Duration.ofMillis(100)),
            true);
    var standard =
        new Pacing(
            "default (2 s / 0.3 s / 50 ms, timeouts 3 s / 5 s)",
            LoopbackClient.defaultPacing(),
            false);
    List<Scenario> scenarios = new ArrayList<>();
    for (double loss : new double[] {0, 0.3}) {
      scenarios.add(new Scenario(fast, 3, loss, FAST_ROUNDS));
      scenarios.add(new Scenario(fast, 100, loss, FAST_ROUNDS));
    }
    for (double loss : new double[] {0, 0.3}) {
      scenarios.add(new Scenario(standard, 3, loss, PACED_ROUNDS_SMALL));
      scenarios.add(new Scenario(standard, 100, loss, PACED_ROUNDS_LARGE));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      if (scenario.rounds() == 0) {
        continue;
      }
      List<Round> rounds = new ArrayList<>();
      for (int r = 0; r < scenario.rounds(); r++) {
        rounds.add(round(scenario, 1000L * r));
      }
      rows.add(row(scenario, rounds));
    }
    report(rows).write("schedule-boundary");
  }

  private Round round(Scenario scenario, long seedOffset) throws Exception {
    var clock = MutableClock.atParis("2026-12-01T21:59:50");
    try (var sims = LoopbackSimulators.start(scenario.batteries(), clock, seedOffset);
        var client = LoopbackClient.wire(sims.endpoints(), scenario.pacing().settings())) {
      var events = new BoundaryEvents();
      var settings = ControlTestKit.fixedSchedule();
      var cycle = new CycleHandle();
      var observer =
          new FleetObserver(
              client.batteries(),
              new ObserverSettings(POLL_INTERVAL, 3, false),
              events,
              clock,
              new SimpleAsyncTaskScheduler(),
              cycle);
      var control =
          ControlTestKit.control(
              client.batteries(),
              settings,
              events,
              clock,
              ImportCapSettings.none(),
              observer.observation());
      cycle.set(control.cycle());
      var automation = control.queries();
      List<BatteryId> ids = client.batteries().all().stream().map(BatteryPort::id).toList();

      observer.observeOnce(); // 21:59:50: identified, confirmed in self-consumption
      assertThat(ids)
          .allSatisfy(id -> assertThat(confirmedIn(automation, id, DeviceMode.AUTO)).isTrue());
      sims.lossRate(scenario.loss());
      // The last poll was a while ago, as it would be 30 s later: no quiet gap left to wait.
      Thread.sleep(scenario.pacing().settings().quietGap().plusMillis(300));
      clock.advance(Duration.ofSeconds(15)); // 22:00:05 Paris: night, charge from the grid
      long datagrams0 = sims.requestsReceived();
      events.clearCommands();

      long start = System.nanoTime();
      int cycles = 0;
      while (!allCharging(automation, ids) && cycles < MAX_CYCLES) {
        if (cycles > 0) {
          clock.advance(POLL_INTERVAL); // the service's next poll, when retries fall due
        }
        observer.observeOnce();
        cycles++;
      }
      assertThat(events.gridChargeReached())
          .as("batteries confirmed charging")
          .isEqualTo(ids.size());
      assertThat(sims.devices())
          .allSatisfy(d -> assertThat(d.battery().mode()).isEqualTo(DeviceMode.MANUAL));
      double seconds = (events.lastGridChargeReachedNanos() - start) / 1e9;
      List<CommandSent> commands = events.commands();
      double datagrams = (sims.requestsReceived() - datagrams0) / (double) ids.size();

      int laterCommands = 0;
      int laterDeviceChanges = 0;
      if (scenario.pacing().checkLaterCycles()) {
        events.clearCommands();
        for (int i = 0; i < LATER_CYCLES; i++) {
          clock.advance(POLL_INTERVAL);
          observer.observeOnce();
        }
        laterCommands = events.commands().size();
        laterDeviceChanges =
            (int) events.modeChanges().stream().filter(c -> c.cause() == Cause.DEVICE).count();
      }
      return new Round(
          seconds,
          cycles,
          commands.size(),
          (int) commands.stream().filter(c -> c.outcome() == Outcome.UNREACHABLE).count(),
          datagrams,
          laterCommands,
          laterDeviceChanges);
    }
  }

  private static boolean allCharging(Automation automation, List<BatteryId> ids) {
    return ids.stream().allMatch(id -> confirmedIn(automation, id, DeviceMode.MANUAL));
  }

  private static boolean confirmedIn(Automation automation, BatteryId id, DeviceMode mode) {
    return automation
        .view(id)
        .filter(ControlView::confirmed)
        .flatMap(ControlView::desired)
        .filter(d -> d.intent().expectedMode() == mode)
        .isPresent();
  }

  private static List<String> row(Scenario scenario, List<Round> rounds) {
    Samples seconds = new Samples();
    Samples cycles = new Samples();
    Samples commands = new Samples();
    Samples unreachable = new Samples();
    Samples datagrams = new Samples();
    Samples later = new Samples();
    Samples laterDevice = new Samples();
    for (Round r : rounds) {
      seconds.add(r.seconds());
      cycles.add(r.cycles());
      commands.add(r.commands() / (double) scenario.batteries());
      unreachable.add(r.unreachable());
      datagrams.add(r.datagramsPerBattery());
      later.add(r.laterCommands());
      laterDevice.add(r.laterDeviceChanges());
    }
    return List.of(
        scenario.pacing().name(),
        Integer.toString(scenario.batteries()),
        Samples.format(scenario.loss() * 100, 0) + " %",
        seconds.medianAndMax(2),
        cycles.medianAndMax(0),
        commands.medianAndMax(2),
        unreachable.medianAndMax(0),
        datagrams.medianAndMax(1),
        scenario.pacing().checkLaterCycles()
            ? Samples.format(later.sum(), 0) + " (" + Samples.format(laterDevice.sum(), 0) + ")"
            : "not run",
        Integer.toString(rounds.size()));
  }

  private static BenchmarkReport report(List<List<String>> rows) {
    return new BenchmarkReport("Control: schedule boundary")
        .paragraph(
            "Clock at 21:59:50 Paris (2026-12-01), one observe+reconcile cycle (batteries confirmed"
                + " in Auto), then 22:00:05: cycles of `FleetObserver.observeOnce()` → `Automation`"
                + " run back to back (test clock +30 s between them, as the 30 s poll would) until"
                + " every battery's `ControlView` is confirmed in Manual. Wall time from the first"
                + " post-boundary cycle to the last `DesiredStateReached`. Expected: 2 `ES.SetMode`"
                + " per battery (evening and morning slots).")
        .table(
            List.of(
                "pacing",
                "batteries",
                "loss",
                "all confirmed median / max s",
                "cycles",
                "commands per battery",
                "commands unreachable",
                "datagrams per battery",
                "commands (device mode changes) in " + LATER_CYCLES + " later cycles, all rounds",
                "rounds"),
            rows);
  }
}
