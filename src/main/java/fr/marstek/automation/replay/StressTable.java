package fr.marstek.automation.replay;

import fr.marstek.automation.planning.BatteryLimits;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.units.Watts;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code replay --stress}: the tempo strategy against the exact optimum under the same limits, in
 * the cases where a planner that only looks at today and tomorrow gives money away: low charge
 * power, an import cap, small and large houses, wear from 0 to 0.6, a cheap red peak, all red days
 * in a row, a two-week gap in the load. One row per case, over every season given.
 */
final class StressTable {

  /** One stress case: what is changed from the plain replay. */
  record Row(
      String name,
      double chargeW,
      double maxGridW,
      double loadFactor,
      double wear,
      String prices,
      boolean redRow,
      boolean loadGap) {

    static Row of(String name) {
      return new Row(name, 2500, Double.POSITIVE_INFINITY, 1, 0.05, null, false, false);
    }

    Row charge(double w) {
      return new Row(name, w, maxGridW, loadFactor, wear, prices, redRow, loadGap);
    }

    Row cap(double w) {
      return new Row(name, chargeW, w, loadFactor, wear, prices, redRow, loadGap);
    }

    Row load(double factor) {
      return new Row(name, chargeW, maxGridW, factor, wear, prices, redRow, loadGap);
    }

    Row wear(double eur) {
      return new Row(name, chargeW, maxGridW, loadFactor, eur, prices, redRow, loadGap);
    }

    Row prices(String six) {
      return new Row(name, chargeW, maxGridW, loadFactor, wear, six, redRow, loadGap);
    }

    Row redInARow() {
      return new Row(name, chargeW, maxGridW, loadFactor, wear, prices, true, loadGap);
    }

    Row gap() {
      return new Row(name, chargeW, maxGridW, loadFactor, wear, prices, redRow, true);
    }
  }

  static List<Row> rows() {
    return List.of(
        Row.of("plain (2500 W, wear 0.05)"),
        Row.of("charge 200 W").charge(200),
        Row.of("charge 300 W").charge(300),
        Row.of("charge 500 W").charge(500),
        Row.of("charge 1000 W").charge(1000),
        Row.of("charge 200 W, wear 0").charge(200).wear(0),
        Row.of("import cap 3 kW").cap(3000),
        Row.of("import cap 3 kW, wear 0").cap(3000).wear(0),
        Row.of("load x0.1").load(0.1),
        Row.of("load x0.1, wear 0").load(0.1).wear(0),
        Row.of("load x3").load(3),
        Row.of("load x3, import cap 3 kW").load(3).cap(3000),
        Row.of("wear 0").wear(0),
        Row.of("wear 0.2").wear(0.2),
        Row.of("wear 0.6").wear(0.6),
        Row.of("red peak 0.25 EUR/kWh").prices("0.1356,0.1654,0.1536,0.1921,0.1615,0.25"),
        Row.of("red peak 0.25, wear 0").prices("0.1356,0.1654,0.1536,0.1921,0.1615,0.25").wear(0),
        Row.of("all red days in a row").redInARow(),
        Row.of("all red days in a row, charge 300 W").redInARow().charge(300),
        Row.of("14-day load gap from the first red day").gap(),
        Row.of("14-day load gap, wear 0").gap().wear(0));
  }

  private final TempoCalendar truth;
  private final LoadSeries load;
  private final BatteryLimits limits;
  private final LocalTime publication;
  private final TempoPrices prices;

  StressTable(
      TempoCalendar truth,
      LoadSeries load,
      BatteryLimits limits,
      LocalTime publication,
      TempoPrices prices) {
    this.truth = truth;
    this.load = load;
    this.limits = limits;
    this.publication = publication;
    this.prices = prices;
  }

  /** One line per case whose name contains {@code only} (every case when it is empty). */
  void print(PrintWriter out, List<TempoSeason> seasons, int batteries, String only) {
    out.println(
        "| case | seasons | tempo / oracle, lowest | mean | tempo savings EUR, lowest | oracle"
            + " savings EUR, lowest | tempo cycles, highest | peak import W (tempo / oracle) |"
            + " hours over the cap, charging (house alone) |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (Row row : rows()) {
      if (!row.name().contains(only)) {
        continue;
      }
      out.println(line(row, seasons, batteries));
      out.flush();
    }
  }

  private String line(Row row, List<TempoSeason> seasons, int batteries) {
    double lowestShare = Double.POSITIVE_INFINITY;
    double shareSum = 0;
    double lowestTempo = Double.POSITIVE_INFINITY;
    double lowestOracle = Double.POSITIVE_INFINITY;
    double cycles = 0;
    double peakTempo = 0;
    double peakOracle = 0;
    int overByCharging = 0;
    int overByHouse = 0;
    List<String> counted = new ArrayList<>();
    for (TempoSeason season : seasons) {
      SeasonReplay replay = replayOf(row, season);
      ReplayResult tempo =
          replay.run(new ReplayCase(season, Strategy.TEMPO, batteries, row.wear()));
      ReplayResult oracle =
          replay.run(new ReplayCase(season, Strategy.ORACLE, batteries, row.wear()));
      double share = oracle.savingsEur() > 0.005 ? tempo.savingsEur() / oracle.savingsEur() : 1;
      lowestShare = Math.min(lowestShare, share);
      shareSum += share;
      lowestTempo = Math.min(lowestTempo, tempo.savingsEur());
      lowestOracle = Math.min(lowestOracle, oracle.savingsEur());
      cycles = Math.max(cycles, tempo.cycles());
      peakTempo = Math.max(peakTempo, tempo.peak().importW());
      peakOracle = Math.max(peakOracle, oracle.peak().importW());
      overByCharging += tempo.peak().hoursOverCap() - tempo.peak().hoursHouseOverCap();
      overByHouse += tempo.peak().hoursHouseOverCap();
      counted.add(season.toString());
    }
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f %% | %.1f %% | %.2f | %.2f | %.1f | %.0f / %.0f | %s |",
        row.name(),
        counted.size(),
        100 * lowestShare,
        100 * shareSum / counted.size(),
        lowestTempo,
        lowestOracle,
        cycles,
        peakTempo,
        peakOracle,
        Double.isInfinite(row.maxGridW()) ? "no cap" : overByCharging + " (" + overByHouse + ")");
  }

  private SeasonReplay replayOf(Row row, TempoSeason season) {
    LoadSeries series =
        row.loadFactor() == 1 ? load : StressVariants.scaled(load, row.loadFactor());
    TempoCalendar calendar =
        row.redRow() ? StressVariants.redInARow(truth, List.of(season)) : truth;
    if (row.loadGap()) {
      series = StressVariants.gap(series, StressVariants.firstRed(truth, season), 14);
    }
    BatteryLimits rowLimits =
        new BatteryLimits(
            limits.capacity(),
            limits.minSoc(),
            limits.maxSoc(),
            Watts.of(row.chargeW()),
            limits.maxDischarge(),
            limits.roundTripEfficiency());
    TempoPrices rowPrices = row.prices() == null ? prices : TempoPrices.everywhere(row.prices());
    return new SeasonReplay(calendar, series, rowPrices, publication, rowLimits, row.maxGridW());
  }
}
