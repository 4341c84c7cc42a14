package fr.marstek.automation.replay;

import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code replay}: what each strategy would have cost over recorded seasons. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays Tempo seasons hour by hour through the planner and reports costs.")
public final class ReplayCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--tempo", required = true, description = "colour calendar (date,color,...)")
  Path tempo;

  @Option(names = "--load", required = true, description = "house load file (either format)")
  Path load;

  @Option(names = "--season", required = true, split = ",", description = "e.g. 2022-2023")
  List<String> seasons;

  @Option(
      names = "--strategy",
      split = ",",
      defaultValue = "none,fixed,tempo,oracle",
      description = "none|fixed|tempo|oracle (default: ${DEFAULT-VALUE})")
  List<String> strategies;

  @Option(names = "--batteries", split = ",", defaultValue = "1")
  List<Integer> batteries;

  @Option(names = "--wear", split = ",", defaultValue = "0.05", description = "EUR per AC kWh out")
  List<Double> wear;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description =
          "run every case this many times in one process and print each run's wall and CPU time"
              + " (a speed benchmark; the first runs warm the JIT up)")
  int repeat;

  @Option(
      names = "--stress",
      description =
          "print the stress table instead (docs/BENCHMARKS.md): tempo against the optimum in hard"
              + " cases, for each --season, with the first --batteries count")
  boolean stress;

  @Option(names = "--json", description = "write the results here as a JSON array")
  Path json;

  @Option(names = "--align-weekdays", description = "map the load year onto each season's dates")
  boolean alignWeekdays;

  @Option(
      names = "--load-year",
      description = "calendar year of load to map (with --align-weekdays)")
  Integer loadYear;

  @Option(
      names = "--published-at",
      defaultValue = "11:00",
      description = "when tomorrow's colour becomes known, Paris time (default: ${DEFAULT-VALUE})")
  LocalTime publication;

  @Option(
      names = "--prices-of",
      description =
          "the built-in price grid in force on this date is applied to every hour (default: the"
              + " newest)")
  LocalDate pricesOf;

  @Option(
      names = "--prices",
      description =
          "six EUR/kWh prices applied to every hour, in TEMPO_PRICES order: blue off-peak, blue"
              + " peak, white off-peak, white peak, red off-peak, red peak (e.g."
              + " 0.1356,0.1654,0.1536,0.1921,0.1615,0.7295)")
  String sixPrices;

  @Option(
      names = "--max-grid-w",
      description =
          "the most the house may import in an hour (mean W), as MAX_GRID_IMPORT_W: charging is"
              + " held within it (default: no cap)")
  Double maxGridW;

  @Option(names = "--capacity-kwh", defaultValue = "5.12")
  double capacityKwh;

  @Option(names = "--charge-w", defaultValue = "2500")
  double chargeW;

  @Option(names = "--discharge-w", defaultValue = "800")
  double dischargeW;

  @Option(names = "--min-soc", defaultValue = "11")
  double minSoc;

  @Option(names = "--round-trip", defaultValue = "0.88")
  double roundTrip;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new CommandLine(new ReplayCommand()).execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (alignWeekdays == (loadYear == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--align-weekdays and --load-year go together");
    }
    if (pricesOf != null && sixPrices != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either --prices-of or --prices, not both");
    }
    if (maxGridW != null && !(maxGridW > 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-grid-w must be a positive number of watts: " + maxGridW);
    }
    if (repeat < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--repeat must be at least 1: " + repeat);
    }
    if (stress) {
      stressTable();
      return 0;
    }
    List<ReplayResult> results = List.of();
    for (int run = 1; run <= repeat; run++) {
      SeasonReplay replay = replay(); // files parsed outside the timing, seasons read inside it
      long started = System.nanoTime();
      long cpuStarted = CPU.getCurrentThreadCpuTime();
      results = runAll(replay);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu = (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
      if (repeat > 1) {
        out.printf(
            Locale.ROOT,
            "run %d: %d cases in %.3f s (CPU %.3f s)%n",
            run,
            results.size(),
            seconds,
            cpu);
      } else {
        out.printf(Locale.ROOT, "%d cases in %.1f s (CPU %.1f s)%n", results.size(), seconds, cpu);
      }
    }
    new ResultTable(results).print(out);
    if (json != null) {
      List<Map<String, Object>> rows = results.stream().map(ReplayResult::toJson).toList();
      Files.writeString(
          json,
          JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }
    return 0;
  }

  private List<ReplayResult> runAll(SeasonReplay replay) {
    List<ReplayResult> results = new ArrayList<>();
    for (String s : seasons) {
      for (int n : batteries) {
        for (double w : wear) {
          for (String name : strategies) {
            results.add(
                replay.run(new ReplayCase(TempoSeason.parse(s), Strategy.parse(name), n, w)));
          }
        }
      }
    }
    return results;
  }

  /** One grid for every hour: the one asked for, or the newest built in. */
  private TempoPrices prices() {
    TempoPrices builtIn = TempoPrices.defaults();
    if (sixPrices != null) {
      try {
        return TempoPrices.everywhere(sixPrices);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--prices: " + e.getMessage(), e, null, sixPrices);
      }
    }
    return builtIn.frozenAt(pricesOf == null ? builtIn.newest().validFrom() : pricesOf);
  }

  void printTo(PrintWriter writer) {
    this.out = writer;
  }

  private void stressTable() throws IOException {
    try (var tempoReader = Files.newBufferedReader(tempo);
        var loadReader = Files.newBufferedReader(load)) {
      LoadSeries series = LoadFiles.read(loadReader);
      if (alignWeekdays) {
        series = new WeekdayAlignment(series, loadYear);
      }
      new StressTable(TempoCalendar.parseCsv(tempoReader), series, limits(), publication, prices())
          .print(out, seasons.stream().map(TempoSeason::parse).toList(), batteries.getFirst());
    }
  }

  private BatteryLimits limits() {
    return new BatteryLimits(
        WattHours.ofKilowattHours(capacityKwh),
        Percent.of(minSoc),
        Percent.of(100),
        Watts.of(chargeW),
        Watts.of(dischargeW),
        roundTrip);
  }

  private SeasonReplay replay() {
    try (var tempoReader = Files.newBufferedReader(tempo);
        var loadReader = Files.newBufferedReader(load)) {
      LoadSeries series = LoadFiles.read(loadReader);
      if (alignWeekdays) {
        series = new WeekdayAlignment(series, loadYear);
      }
      BatteryLimits limits = limits();
      return new SeasonReplay(
          TempoCalendar.parseCsv(tempoReader),
          series,
          prices(),
          publication,
          limits,
          maxGridW == null ? Double.POSITIVE_INFINITY : maxGridW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
