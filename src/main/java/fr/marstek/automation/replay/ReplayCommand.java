package fr.marstek.automation.replay;

import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

  /** Public RTE colours 2014-09-01 to 2024-08-28, shipped so that a fresh clone can replay. */
  static final String BUILT_IN_TEMPO = "/replay/tempo-colours.csv";

  /** One Paris-area house's hourly load over 2008 (UCI data set 235, CC BY 4.0). */
  static final String BUILT_IN_LOAD = "/replay/load-2008.csv";

  static final int BUILT_IN_LOAD_YEAR = 2008;

  @Option(
      names = "--tempo",
      description =
          "colour calendar CSV with a date,color header (default: the built-in public colours of"
              + " seasons 2014-2015 to 2023-2024)")
  Path tempo;

  @Option(
      names = "--load",
      description =
          "house load CSV: timestamp_local,avg_power_w (hourly) or"
              + " interval_start,interval_end,avg_power_w (default: a built-in house near Paris over"
              + " 2008, laid onto each season's weekdays)")
  Path load;

  @Option(
      names = "--season",
      split = ",",
      defaultValue = "2022-2023",
      description = "Tempo seasons, 1 September to 31 August (default: ${DEFAULT-VALUE})")
  List<String> seasons;

  @Option(
      names = "--strategy",
      split = ",",
      defaultValue = "none,fixed,tempo,oracle",
      description = "none|fixed|tempo|oracle (default: ${DEFAULT-VALUE})")
  List<String> strategies;

  @Option(
      names = "--batteries",
      split = ",",
      defaultValue = "1",
      description = "how many batteries share the house, e.g. 1,2,3 (default: ${DEFAULT-VALUE})")
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

  @Option(
      names = "--stress-case",
      description =
          "with --stress: only the cases whose name contains this text, e.g. \"load x0.1\" (all by"
              + " default)")
  String stressCase = "";

  @Option(names = "--json", description = "write the results here as a JSON array")
  Path json;

  @Option(
      names = "--align-weekdays",
      description = "map the load year onto each season's dates (always on with the built-in load)")
  boolean alignWeekdays;

  @Option(
      names = "--load-year",
      description = "calendar year of load to map (with --align-weekdays; built-in load: 2008)")
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

  @Option(
      names = "--capacity-kwh",
      defaultValue = "5.12",
      description = "usable capacity of one battery in kWh (default: ${DEFAULT-VALUE}, a Venus E)")
  double capacityKwh;

  @Option(
      names = "--charge-w",
      defaultValue = "2500",
      description = "largest grid charging power of one battery in W (default: ${DEFAULT-VALUE})")
  double chargeW;

  @Option(
      names = "--discharge-w",
      defaultValue = "800",
      description =
          "largest discharging power of one battery in W (default: ${DEFAULT-VALUE}, the socket"
              + " limit)")
  double dischargeW;

  @Option(
      names = "--min-soc",
      defaultValue = "11",
      description = "never discharge below this state of charge in %% (default: ${DEFAULT-VALUE})")
  double minSoc;

  @Option(
      names = "--round-trip",
      defaultValue = "0.88",
      description =
          "share of the AC energy charged that comes back out, 0-1 (default: ${DEFAULT-VALUE})")
  double roundTrip;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new CommandLine(new ReplayCommand()).execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (load == null && loadYear == null) {
      alignWeekdays = true;
      loadYear = BUILT_IN_LOAD_YEAR;
    }
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
        out.printf(Locale.ROOT, "%d cases in %.2f s (CPU %.2f s)%n", results.size(), seconds, cpu);
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
    try (var tempoReader = open(tempo, BUILT_IN_TEMPO);
        var loadReader = open(load, BUILT_IN_LOAD)) {
      LoadSeries series = LoadFiles.read(loadReader);
      if (alignWeekdays) {
        series = new WeekdayAlignment(series, loadYear);
      }
      new StressTable(TempoCalendar.parseCsv(tempoReader), series, limits(), publication, prices())
          .print(
              out,
              seasons.stream().map(TempoSeason::parse).toList(),
              batteries.getFirst(),
              stressCase);
    }
  }

  /** The file given, or the built-in one shipped in the jar. */
  private static BufferedReader open(Path file, String builtIn) throws IOException {
    if (file != null) {
      return Files.newBufferedReader(file);
    }
    var stream = ReplayCommand.class.getResourceAsStream(builtIn);
    if (stream == null) {
      throw new IOException("built-in replay data missing from the jar: " + builtIn);
    }
    return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
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
    try (var tempoReader = open(tempo, BUILT_IN_TEMPO);
        var loadReader = open(load, BUILT_IN_LOAD)) {
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
