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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
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
      defaultValue = "2026-02-01",
      description = "the price grid in force on this date is applied to every hour")
  LocalDate pricesOf;

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

  private PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new CommandLine(new ReplayCommand()).execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (alignWeekdays == (loadYear == null)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--align-weekdays and --load-year go together");
    }
    SeasonReplay replay = replay();
    List<ReplayResult> results = new ArrayList<>();
    long started = System.nanoTime();
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
    double seconds = (System.nanoTime() - started) / 1e9;
    new ResultTable(results).print(out);
    out.printf("%d cases in %.1f s%n", results.size(), seconds);
    if (json != null) {
      List<Map<String, Object>> rows = results.stream().map(ReplayResult::toJson).toList();
      Files.writeString(
          json,
          JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }
    return 0;
  }

  void printTo(PrintWriter writer) {
    this.out = writer;
  }

  private SeasonReplay replay() {
    try (var tempoReader = Files.newBufferedReader(tempo);
        var loadReader = Files.newBufferedReader(load)) {
      LoadSeries series = LoadFiles.read(loadReader);
      if (alignWeekdays) {
        series = new WeekdayAlignment(series, loadYear);
      }
      BatteryLimits limits =
          new BatteryLimits(
              WattHours.ofKilowattHours(capacityKwh),
              Percent.of(minSoc),
              Percent.of(100),
              Watts.of(chargeW),
              Watts.of(dischargeW),
              roundTrip);
      return new SeasonReplay(
          TempoCalendar.parseCsv(tempoReader),
          series,
          TempoPrices.defaults().frozenAt(pricesOf),
          publication,
          limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
