package fr.marstek.automation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ReplayCommandTest {

  @TempDir Path dir;

  @Test
  void replaysASyntheticSeasonAndExcludesTheDaysWithoutLoad() throws IOException {
    Path tempo = dir.resolve("tempo.csv");
    Path load = dir.resolve("load.csv");
    Path json = dir.resolve("out.json");
    writeCalendar(tempo);
    writeLoad(load);
    StringWriter printed = new StringWriter();
    ReplayCommand command = new ReplayCommand();
    command.printTo(new PrintWriter(printed, true));

    int exit =
        new CommandLine(command)
            .execute(
                "--tempo", tempo.toString(),
                "--load", load.toString(),
                "--season", "2025-2026",
                "--strategy", "none,fixed,tempo,oracle",
                "--batteries", "1",
                "--wear", "0.05",
                "--json", json.toString());

    assertThat(exit).isZero();
    List<Map<String, Object>> rows =
        JsonMapper.builder().build().readValue(json.toFile(), new TypeReference<>() {});
    assertThat(rows).hasSize(4);
    Map<String, Map<String, Object>> byStrategy =
        Map.of(
            "none", rows.get(0), "fixed", rows.get(1), "tempo", rows.get(2), "oracle", rows.get(3));
    assertThat(byStrategy.get("none").get("days_covered")).isEqualTo(363);
    assertThat(byStrategy.get("none").get("days_excluded")).isEqualTo(2);
    assertThat(number(byStrategy.get("none"), "savings_eur")).isZero();
    double tempoSavings = number(byStrategy.get("tempo"), "savings_eur");
    double oracleSavings = number(byStrategy.get("oracle"), "savings_eur");
    assertThat(tempoSavings).isPositive().isLessThanOrEqualTo(oracleSavings + 1e-6);
    assertThat(tempoSavings).isGreaterThan(0.95 * oracleSavings);
    assertThat(number(byStrategy.get("fixed"), "savings_eur")).isLessThan(tempoSavings);
    assertThat(number(byStrategy.get("tempo"), "cycles")).isBetween(3.0, 6.0);
    assertThat(rows.get(0).keySet())
        .contains(
            "season",
            "strategy",
            "batteries",
            "wear_eur_per_kwh",
            "days_covered",
            "grid_kwh",
            "cost_eur",
            "wear_eur",
            "total_eur",
            "none_total_eur",
            "savings_eur",
            "cycles");
    assertThat(printed.toString()).contains("| 2025-2026 | 1 | 0.05 | 363 | tempo |");
  }

  @Test
  void energyLeftAtTheSeasonsEndIsWorthWhatItSparesOnTheNextBlueNight() throws IOException {
    Path tempo = dir.resolve("tempo.csv");
    Path load = dir.resolve("load.csv");
    Path json = dir.resolve("out.json");
    writeCalendar(tempo);
    writeLoad(load);
    ReplayCommand command = new ReplayCommand();
    command.printTo(new PrintWriter(new StringWriter(), true));

    new CommandLine(command)
        .execute(
            "--tempo",
            tempo.toString(),
            "--load",
            load.toString(),
            "--season",
            "2025-2026",
            "--strategy",
            "none,fixed",
            "--wear",
            "0.05",
            "--json",
            json.toString());

    List<Map<String, Object>> rows =
        JsonMapper.builder().build().readValue(json.toFile(), new TypeReference<>() {});
    Map<String, Object> fixed = rows.get(1);
    // The seed charges every off-peak hour, so it ends the season full: 5.12 kWh x 89 % stored,
    // bought back through a 93.8 % charge at the newest grid's blue off-peak price, 0.1356 EUR/kWh.
    double full = 5.12 * 0.89 / Math.sqrt(0.88) * 0.1356;
    assertThat(number(fixed, "left_over_eur")).isCloseTo(full, within(0.001));
    assertThat(number(rows.get(0), "left_over_eur")).isZero();
    assertThat(number(fixed, "total_eur"))
        .isCloseTo(number(fixed, "cost_eur") + number(fixed, "wear_eur") - full, within(0.001));
  }

  @Test
  void anImportCapHoldsTheChargingAndThePeakImportIsReported() throws IOException {
    Path tempo = dir.resolve("tempo.csv");
    Path load = dir.resolve("load.csv");
    Path json = dir.resolve("out.json");
    writeCalendar(tempo);
    writeLoad(load);
    ReplayCommand command = new ReplayCommand();
    command.printTo(new PrintWriter(new StringWriter(), true));

    int exit =
        new CommandLine(command)
            .execute(
                "--tempo", tempo.toString(),
                "--load", load.toString(),
                "--season", "2025-2026",
                "--strategy", "none,fixed,tempo,oracle",
                "--batteries", "2",
                "--max-grid-w", "2500",
                "--prices", "0.10,0.20,0.12,0.25,0.13,0.90",
                "--json", json.toString());

    assertThat(exit).isZero();
    List<Map<String, Object>> rows =
        JsonMapper.builder().build().readValue(json.toFile(), new TypeReference<>() {});
    // the house draws 1 kW: two batteries (5 kW) may add only 1.5 kW
    assertThat(number(rows.get(0), "peak_import_w")).isEqualTo(1000);
    for (Map<String, Object> row : rows) {
      assertThat(number(row, "peak_import_w")).isLessThanOrEqualTo(2500);
      assertThat(number(row, "hours_over_cap")).isZero();
      assertThat(number(row, "hours_missing")).isEqualTo(2);
    }
    assertThat(number(rows.get(2), "savings_eur")).isPositive();
    // 5 red days x 16 h x 1 kW at 0.90 instead of 0.13 at night: the price given is the one used
    assertThat(number(rows.get(3), "savings_eur")).isGreaterThan(5 * 16 * (0.90 * 0.9 - 0.14));
  }

  @Test
  void sixPricesThatAreNotSixPricesAreRefusedWithTheReason() throws IOException {
    Path tempo = dir.resolve("tempo.csv");
    Path load = dir.resolve("load.csv");
    writeCalendar(tempo);
    writeLoad(load);
    StringWriter errors = new StringWriter();
    CommandLine line = new CommandLine(new ReplayCommand());
    line.setErr(new PrintWriter(errors, true));

    int exit =
        line.execute(
            "--tempo",
            tempo.toString(),
            "--load",
            load.toString(),
            "--season",
            "2025-2026",
            "--prices",
            "0.10,0.20,0.12,0.25,0.13");

    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString()).contains("--prices: 5 prices instead of six");
  }

  private static double number(Map<String, Object> row, String key) {
    return ((Number) row.get(key)).doubleValue();
  }

  /** Blue everywhere but five red Tuesdays and Wednesdays in January 2026. */
  private static void writeCalendar(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("date,color,season,sources,dissent\n");
    for (LocalDate d = LocalDate.of(2025, 9, 1);
        d.isBefore(LocalDate.of(2026, 9, 2));
        d = d.plusDays(1)) {
      boolean red =
          d.getMonthValue() == 1
              && d.getDayOfMonth() >= 6
              && d.getDayOfMonth() <= 15
              && (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY);
      csv.append(d).append(red ? ",RED" : ",BLUE").append(",2025-2026,T,0\n");
    }
    Files.writeString(file, csv);
  }

  /** 1 kW flat in 30-minute intervals, except a gap that spoils two Tempo days. */
  private static void writeLoad(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("interval_start,interval_end,avg_power_w\n");
    Instant start = LocalDate.of(2025, 8, 31).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = LocalDate.of(2026, 9, 3).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant gap = LocalDate.of(2026, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(1800)) {
      if (t.equals(gap) || t.equals(gap.plusSeconds(12 * 3600))) {
        continue;
      }
      csv.append(t.atOffset(ZoneOffset.ofHours(2)))
          .append(',')
          .append(t.plusSeconds(1800).atOffset(ZoneOffset.ofHours(2)))
          .append(",1000\n");
    }
    Files.writeString(file, csv);
  }
}
