package fr.marstek.automation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One set of history store tests, run on SQLite and on PostgreSQL by the subclasses. */
abstract class HistoryStoreContract {

  static final BatteryId ONE = BatteryId.of(1);
  static final BatteryId TWO = BatteryId.of(2);
  static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
  static final Duration FLUSH = Duration.ofSeconds(20);

  HikariDataSource dataSource;
  HistoryDatabase database;
  BufferedHistoryWriter recorder;
  JdbcHistoryQueries queries;

  /** A new pool on this test class's database: reopening it sees what was committed before. */
  abstract HikariDataSource openDataSource();

  @BeforeEach
  void openStore() {
    dataSource = openDataSource();
    TestDatabases.migrate(dataSource);
    connect();
    for (String table :
        List.of(
            "telemetry",
            "telemetry_hourly",
            "telemetry_daily",
            "rollup_state",
            "mode_change",
            "command_log",
            "connectivity",
            "tempo_day",
            "plan_record",
            "notification_log")) {
      database.jdbc().update("DELETE FROM " + table);
    }
  }

  private void connect() {
    database = TestDatabases.database(dataSource);
    InstantSource clock = InstantSource.fixed(NOON);
    recorder = new BufferedHistoryWriter(new HistoryWrites(database, clock), clock);
    recorder.start();
    queries = new JdbcHistoryQueries(database);
  }

  @AfterEach
  void closeStore() {
    recorder.stop();
    dataSource.close();
  }

  static TelemetrySample sample(
      BatteryId battery, Instant at, double soc, double power, double charged) {
    return new TelemetrySample(
        battery,
        at,
        true,
        Optional.of(Percent.of(soc)),
        Optional.of(Watts.of(power)),
        Optional.of(Watts.of(power / 2)),
        Optional.empty(),
        Optional.of(new Celsius(20 + soc / 10)),
        Optional.of(WattHours.of(charged)),
        Optional.of(WattHours.of(charged / 2)));
  }

  /** Samples every 10 s over [from, from + duration) with values that change at every sample. */
  List<TelemetrySample> writeSamples(BatteryId battery, Instant from, Duration duration) {
    List<TelemetrySample> samples = new ArrayList<>();
    for (long s = 0; s < duration.toSeconds(); s += 10) {
      double soc = 20 + (s / 10 % 70);
      double power = ((s / 10) % 13) * 100 - 600;
      samples.add(sample(battery, from.plusSeconds(s), soc, power, 1000 + s * 0.5));
    }
    samples.forEach(recorder::recordTelemetry);
    assertThat(recorder.flush(FLUSH)).isTrue();
    return samples;
  }

  @Test
  void readsBackTheTelemetryItWrote() {
    var written = sample(ONE, NOON, 57, -1200.5, 4321);
    recorder.recordTelemetry(written);
    recorder.recordTelemetry(TelemetrySample.offline(ONE, NOON.plusSeconds(10)));
    assertThat(recorder.flush(FLUSH)).isTrue();

    Series series = queries.series(Optional.of(ONE), NOON, NOON.plusSeconds(60));

    assertThat(series.resolution()).isEqualTo(Resolution.RAW);
    assertThat(series.points()).hasSize(2);
    SeriesPoint first = series.points().getFirst();
    assertThat(first.at()).isEqualTo(NOON);
    assertThat(first.soc()).isEqualTo(57.0);
    assertThat(first.batteryPower()).isEqualTo(-1200.5);
    assertThat(first.gridPower()).isEqualTo(-600.25);
    assertThat(first.pvPower()).isNull();
    assertThat(first.temperature()).isCloseTo(25.7, within(1e-9));
    assertThat(first.online()).isEqualTo(1.0);
    SeriesPoint offline = series.points().get(1);
    assertThat(offline.online()).isEqualTo(0.0);
    assertThat(offline.soc()).isNull();
    assertThat(queries.batteries()).containsExactly(ONE);
    assertThat(queries.knows(ONE)).isTrue();
    assertThat(queries.knows(TWO)).isFalse();
  }

  @Test
  void storesADuplicateSampleOnlyOnce() {
    recorder.recordTelemetry(sample(ONE, NOON, 50, 100, 1));
    recorder.recordTelemetry(sample(ONE, NOON, 51, 200, 2));
    assertThat(recorder.flush(FLUSH)).isTrue();

    assertThat(queries.series(Optional.of(ONE), NOON, NOON.plusSeconds(1)).points())
        .singleElement()
        .satisfies(p -> assertThat(p.soc()).isEqualTo(50.0));
  }

  // Two hours of one battery at a constant meter reading, its counters moving at a constant rate.
  private void steadyHours(
      Instant from, double meterW, double chargeWhPerHour, double dischargeWhPerHour) {
    for (long t = 0; t < 7200; t += 10) {
      recorder.recordTelemetry(
          new TelemetrySample(
              ONE,
              from.plusSeconds(t),
              true,
              Optional.of(fr.marstek.automation.units.Percent.of(50)),
              Optional.of(fr.marstek.automation.units.Watts.of(0)),
              Optional.of(fr.marstek.automation.units.Watts.of(meterW)),
              Optional.empty(),
              Optional.empty(),
              Optional.of(
                  fr.marstek.automation.units.WattHours.of(10_000 + chargeWhPerHour * t / 3600.0)),
              Optional.of(
                  fr.marstek.automation.units.WattHours.of(
                      20_000 + dischargeWhPerHour * t / 3600.0))));
    }
  }

  @Test
  void aDaysBillWithAndWithoutTheBatteriesFollowsTheRecordedEnergy() {
    // Tempo day 2026-12-02 (RED): 07:00-09:00 peak, 23:00-01:00 off-peak (Paris = UTC+1).
    steadyHours(Instant.parse("2026-12-02T06:00:00Z"), 500, 0, 800);
    steadyHours(Instant.parse("2026-12-02T22:00:00Z"), 3000, 2500, 0);
    recorder.recordTempoDay(
        new TempoDayRecord(
            java.time.LocalDate.of(2026, 12, 2), Optional.of("RED"), Optional.empty()));
    assertThat(recorder.flush(FLUSH)).isTrue();
    new Rollups(database).catchUp(Instant.parse("2026-12-03T03:00:00Z"));
    var red = new PeakPrices(0.15, 0.70);

    var days =
        queries.savings(
            java.time.LocalDate.of(2026, 12, 2),
            java.time.LocalDate.of(2026, 12, 2),
            (day, colour) -> colour.equals("RED") ? Optional.of(red) : Optional.empty());

    assertThat(days)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.colour()).contains("RED");
              assertThat(d.importedWh()).isCloseTo(7000, within(1.0));
              // paid: 6 kWh off-peak x 0.15 + 1 kWh peak x 0.70 = 1.60 EUR
              assertThat(d.paidEur().orElseThrow()).isCloseTo(1.60, within(0.01));
              // without: also the 1.6 kWh delivered at peak, but not the 5 kWh charged off-peak
              assertThat(d.withoutBatteriesEur().orElseThrow())
                  .isCloseTo(1.60 + 1.12 - 0.75, within(0.01));
              assertThat(d.savedEur().orElseThrow()).isCloseTo(0.37, within(0.01));
            });
  }

  @Test
  void tempoColoursKeptHereSurviveARestartOfTheService() {
    var cache = new HistoryColourCache(recorder, queries, new BoundedReads(BoundedReads.LIMIT));
    var day = java.time.LocalDate.of(2026, 12, 2);

    cache.store(day, fr.marstek.automation.tariff.tempo.TempoColour.RED, "rte");
    cache.store(day.plusDays(1), fr.marstek.automation.tariff.tempo.TempoColour.UNKNOWN, "rte");
    assertThat(recorder.flush(FLUSH)).isTrue();

    var afterRestart =
        new HistoryColourCache(recorder, queries, new BoundedReads(BoundedReads.LIMIT));
    assertThat(afterRestart.load(day)).contains(fr.marstek.automation.tariff.tempo.TempoColour.RED);
    assertThat(afterRestart.load(day.plusDays(1))).isEmpty();
    assertThat(afterRestart.loadBetween(day.minusDays(3), day.plusDays(3))).hasSize(1);
  }

  @Test
  void theHouseLoadOfAnHourIsTheMeterPlusWhatTheBatteriesDelivered() {
    Instant from = Instant.parse("2026-11-20T09:00:00Z");
    writeSamples(ONE, from, Duration.ofHours(2));
    writeSamples(TWO, from.plusSeconds(5), Duration.ofHours(2));
    new Rollups(database).catchUp(from.plus(Duration.ofHours(3)));
    Instant hourEnd = from.plusSeconds(3600);
    SeriesPoint one =
        queries.series(Optional.of(ONE), from, hourEnd, Resolution.HOURLY).points().getFirst();
    SeriesPoint two =
        queries.series(Optional.of(TWO), from, hourEnd, Resolution.HOURLY).points().getFirst();

    var load = new HouseLoadHistory(queries, new BoundedReads(BoundedReads.LIMIT));

    double expected =
        Math.max(
            0, (one.gridPower() + two.gridPower()) / 2 + one.batteryPower() + two.batteryPower());
    assertThat(load.watts(from).orElseThrow()).isCloseTo(expected, within(1e-6));
    assertThat(load.watts(from.minus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void samplesWrittenAfterTheRollupPassedTheirHourAreStillRolledUp() {
    Instant today = Instant.parse("2026-11-20T09:00:00Z");
    writeSamples(ONE, today, Duration.ofHours(1));
    new Rollups(database).catchUp(today.plus(Duration.ofHours(2)));

    // Kept in memory through an outage, or recorded for a past day: written after the rollup
    // has moved past their hours, and counted by the next one.
    Instant twoDaysAgo = today.minus(Duration.ofDays(2));
    writeSamples(ONE, twoDaysAgo, Duration.ofHours(1));
    new Rollups(database).catchUp(today.plus(Duration.ofHours(2)));

    Series hourly =
        queries.series(
            Optional.of(ONE), twoDaysAgo, twoDaysAgo.plusSeconds(3600), Resolution.HOURLY);
    assertThat(hourly.points()).singleElement().extracting(SeriesPoint::at).isEqualTo(twoDaysAgo);
    Series daily =
        queries.series(Optional.of(ONE), twoDaysAgo, today.plusSeconds(3600), Resolution.DAILY);
    Instant dayOfTheLateSamples =
        java.time.LocalDate.of(2026, 11, 18)
            .atStartOfDay(fr.marstek.automation.units.Zone.PARIS)
            .toInstant();
    assertThat(daily.points()).extracting(SeriesPoint::at).contains(dayOfTheLateSamples);
  }

  @Test
  void rollupsMatchTheAggregatesOfTheRawSamples() {
    Instant from = Instant.parse("2026-11-20T09:00:00Z");
    List<TelemetrySample> one = writeSamples(ONE, from, Duration.ofHours(3));
    writeSamples(TWO, from.plusSeconds(5), Duration.ofHours(3));

    new Rollups(database).catchUp(from.plus(Duration.ofHours(4)));

    Series hourly =
        queries.series(Optional.of(ONE), from, from.plus(Duration.ofHours(3)), Resolution.HOURLY);
    assertThat(hourly.points()).hasSize(3);
    Instant secondHour = from.plus(Duration.ofHours(1));
    List<TelemetrySample> inSecondHour =
        one.stream()
            .filter(
                s -> !s.at().isBefore(secondHour) && s.at().isBefore(secondHour.plusSeconds(3600)))
            .toList();
    SeriesPoint point = hourly.points().get(1);
    assertThat(point.at()).isEqualTo(secondHour);
    assertThat(point.soc())
        .isCloseTo(
            inSecondHour.stream()
                .mapToDouble(s -> s.soc().orElseThrow().value())
                .average()
                .orElseThrow(),
            within(1e-9));
    assertThat(point.batteryPower())
        .isCloseTo(
            inSecondHour.stream()
                .mapToDouble(s -> s.batteryPower().orElseThrow().value())
                .average()
                .orElseThrow(),
            within(1e-9));
    assertThat(point.batteryPowerMin()).isEqualTo(-600.0);
    assertThat(point.batteryPowerMax()).isEqualTo(600.0);
    assertThat(point.charged()).isCloseTo(359 * 10 * 0.5, within(1e-9));
    assertThat(point.online()).isEqualTo(1.0);

    Series daily =
        queries.series(Optional.of(ONE), from, from.plus(Duration.ofDays(2)), Resolution.DAILY);
    assertThat(daily.points())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.at()).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
              assertThat(d.soc())
                  .isCloseTo(
                      one.stream()
                          .mapToDouble(s -> s.soc().orElseThrow().value())
                          .average()
                          .orElseThrow(),
                      within(1e-9));
              assertThat(d.charged()).isCloseTo((one.size() - 1) * 10 * 0.5, within(1e-9));
            });

    Series fleetHourly =
        queries.series(Optional.empty(), from, from.plus(Duration.ofHours(3)), Resolution.HOURLY);
    assertThat(fleetHourly.points().get(1).batteryPower())
        .isCloseTo(2 * point.batteryPower(), within(1e-6));
    Series fleetRaw = queries.series(Optional.empty(), from, from.plusSeconds(120), Resolution.RAW);
    assertThat(fleetRaw.points())
        .extracting(SeriesPoint::at)
        .containsExactly(from, from.plusSeconds(60));
  }

  @Test
  void picksTheResolutionFromTheRange() {
    writeSamples(ONE, NOON, Duration.ofMinutes(1));
    new Rollups(database).catchUp(NOON.plus(Duration.ofHours(1)));

    assertThat(
            queries
                .series(Optional.of(ONE), NOON.minus(Duration.ofHours(23)), NOON.plusSeconds(3600))
                .resolution())
        .isEqualTo(Resolution.RAW);
    Series month =
        queries.series(Optional.of(ONE), NOON.minus(Duration.ofDays(30)), NOON.plusSeconds(3600));
    assertThat(month.resolution()).isEqualTo(Resolution.HOURLY);
    assertThat(month.points()).singleElement().satisfies(p -> assertThat(p.at()).isEqualTo(NOON));
    Series year =
        queries.series(Optional.of(ONE), NOON.minus(Duration.ofDays(365)), NOON.plusSeconds(3600));
    assertThat(year.resolution()).isEqualTo(Resolution.DAILY);
    assertThat(year.points()).hasSize(1);
  }

  @Test
  void retentionDeletesOnlyOldRawSamples() {
    Instant old = NOON.minus(Duration.ofDays(100));
    writeSamples(ONE, old, Duration.ofMinutes(5));
    writeSamples(ONE, NOON.minus(Duration.ofDays(1)), Duration.ofMinutes(5));
    recorder.recordModeChange(
        new ModeChange(
            ONE, old, Optional.empty(), DeviceMode.AUTO, ChangeCause.PLAN, Optional.empty()));
    assertThat(recorder.flush(FLUSH)).isTrue();
    new Rollups(database).catchUp(NOON);

    int deleted = new Retention(database, Duration.ofDays(90), Duration.ofDays(1830)).apply(NOON);

    assertThat(deleted).isEqualTo(30);
    assertThat(queries.series(Optional.of(ONE), old, old.plusSeconds(600), Resolution.RAW).points())
        .isEmpty();
    assertThat(
            queries
                .series(Optional.of(ONE), old, old.plusSeconds(3600), Resolution.HOURLY)
                .points())
        .hasSize(1);
    assertThat(
            queries
                .series(
                    Optional.of(ONE),
                    old.minus(Duration.ofDays(1)),
                    old.plus(Duration.ofDays(1)),
                    Resolution.DAILY)
                .points())
        .hasSize(1);
    assertThat(
            queries
                .series(Optional.of(ONE), NOON.minus(Duration.ofDays(1)), NOON, Resolution.RAW)
                .points())
        .hasSize(30);
    assertThat(queries.modeChanges(Optional.of(ONE), old, NOON)).hasSize(1);
  }

  @Test
  void keepsModeChangesAndCommandsWithTheirCauseAndOutcome() {
    recorder.recordModeChange(
        new ModeChange(
            ONE,
            NOON,
            Optional.of(DeviceMode.AUTO),
            DeviceMode.PASSIVE,
            ChangeCause.PLAN,
            Optional.of(Phrase.verbatim("charge before red day"))));
    recorder.recordModeChange(
        new ModeChange(
            TWO,
            NOON.plusSeconds(1),
            Optional.empty(),
            DeviceMode.AI,
            ChangeCause.DEVICE,
            Optional.empty()));
    recorder.recordCommand(
        new CommandRecord(
            ONE,
            NOON,
            Phrase.of("command.passive.charge", Arg.watts(1200), Arg.span(Duration.ofHours(1))),
            ChangeCause.PLAN,
            CommandOutcome.CONFIRMED,
            Optional.empty()));
    recorder.recordCommand(
        new CommandRecord(
            TWO,
            NOON.plusSeconds(2),
            Phrase.of("command.auto"),
            ChangeCause.DRIFT_CORRECTION,
            CommandOutcome.UNREACHABLE,
            Optional.of("no reply in 2 s")));
    recorder.recordConnectivity(
        new ConnectivityChange(
            TWO, NOON.plusSeconds(3), false, Optional.of(Phrase.verbatim("3 polls unanswered"))));
    assertThat(recorder.flush(FLUSH)).isTrue();

    assertThat(queries.modeChanges(Optional.empty(), NOON, NOON.plusSeconds(60)))
        .extracting(ModeChange::battery, ModeChange::to, ModeChange::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ONE, DeviceMode.PASSIVE, ChangeCause.PLAN),
            org.assertj.core.groups.Tuple.tuple(TWO, DeviceMode.AI, ChangeCause.DEVICE));
    assertThat(queries.modeChanges(Optional.of(ONE), NOON, NOON.plusSeconds(60)))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.from()).contains(DeviceMode.AUTO);
              assertThat(m.detail()).contains(Phrase.verbatim("charge before red day"));
            });
    assertThat(queries.commands(Optional.of(TWO), NOON, NOON.plusSeconds(60)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(CommandOutcome.UNREACHABLE);
              assertThat(c.cause()).isEqualTo(ChangeCause.DRIFT_CORRECTION);
              assertThat(c.detail()).contains("no reply in 2 s");
            });
    assertThat(queries.commands(Optional.empty(), NOON.plusSeconds(1), NOON.plusSeconds(60)))
        .hasSize(1);
    assertThat(queries.connectivity(Optional.empty(), NOON, NOON.plusSeconds(60)))
        .singleElement()
        .satisfies(c -> assertThat(c.online()).isFalse());
  }

  @Test
  void keepsReasonsAsPhrasesWithTheirArgumentsAndTheirEnglishTextBeside() {
    Phrase why =
        Phrase.of(
            "reason.plan.assumed",
            Arg.day(LocalDate.of(2026, 11, 21)),
            Arg.term("colour.word.RED"),
            Arg.phrase(
                Phrase.of(
                    "reason.plan.charging",
                    Arg.term("colour.word.RED"),
                    Arg.eurPerKwh(0.7562),
                    Arg.eurPerKwh(0.1568),
                    Arg.percent(95))));
    Phrase command =
        Phrase.of(
            "command.manual.charge",
            Arg.count(1),
            Arg.time(LocalTime.MIDNIGHT),
            Arg.time(LocalTime.of(6, 0)),
            Arg.weekdays(EnumSet.allOf(DayOfWeek.class)),
            Arg.watts(1200));
    recorder.recordModeChange(
        new ModeChange(
            ONE, NOON, Optional.empty(), DeviceMode.MANUAL, ChangeCause.PLAN, Optional.of(why)));
    recorder.recordCommand(
        new CommandRecord(
            ONE, NOON, command, ChangeCause.PLAN, CommandOutcome.ACCEPTED, Optional.empty()));
    assertThat(recorder.flush(FLUSH)).isTrue();

    assertThat(queries.modeChanges(Optional.of(ONE), NOON, NOON.plusSeconds(1)))
        .singleElement()
        .satisfies(m -> assertThat(m.detail()).contains(why));
    assertThat(queries.commands(Optional.of(ONE), NOON, NOON.plusSeconds(1)))
        .singleElement()
        .satisfies(c -> assertThat(c.command()).isEqualTo(command));
    assertThat(database.jdbc().queryForObject("SELECT detail FROM mode_change", String.class))
        .startsWith("Colour of Saturday 21 November not published")
        .contains("0.7562 €/kWh");
    assertThat(database.jdbc().queryForObject("SELECT command FROM command_log", String.class))
        .isEqualTo("Manual slot 1: charge at 1,200 W from 00:00 to 06:00, every day");
  }

  @Test
  void aRowWrittenBeforeReasonsWerePhrasesKeepsItsText() {
    database
        .jdbc()
        .update(
            "INSERT INTO mode_change (id, battery, ts, to_mode, cause, detail)"
                + " VALUES ('old', '1', ?, 'AUTO', 'SCHEDULE', 'Day (06:00-22:00): self-consumption')",
            NOON.toEpochMilli());
    database
        .jdbc()
        .update(
            "INSERT INTO command_log (id, battery, ts, command, cause, outcome, detail)"
                + " VALUES ('old', '1', ?, 'Auto', 'SCHEDULE', 'ACCEPTED', 'acknowledged')",
            NOON.toEpochMilli());

    assertThat(queries.modeChanges(Optional.of(ONE), NOON, NOON.plusSeconds(1)))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.detail())
                    .contains(Phrase.verbatim("Day (06:00-22:00): self-consumption")));
    assertThat(queries.commands(Optional.of(ONE), NOON, NOON.plusSeconds(1)))
        .singleElement()
        .satisfies(c -> assertThat(c.command()).isEqualTo(Phrase.verbatim("Auto")));
  }

  @Test
  void samplesAcknowledgedAsFlushedSurviveAnAbruptClose() {
    writeSamples(ONE, NOON, Duration.ofMinutes(10));
    recorder.recordCommand(
        new CommandRecord(
            ONE,
            NOON,
            Phrase.of("command.auto"),
            ChangeCause.OVERRIDE,
            CommandOutcome.ACCEPTED,
            Optional.empty()));
    assertThat(recorder.flush(FLUSH)).isTrue();

    dataSource.close(); // no orderly shutdown of the writer
    dataSource = openDataSource();
    recorder.stop();
    connect();

    assertThat(
            queries.series(Optional.of(ONE), NOON, NOON.plusSeconds(600), Resolution.RAW).points())
        .hasSize(60);
    assertThat(queries.commands(Optional.of(ONE), NOON, NOON.plusSeconds(1))).hasSize(1);
  }

  @Test
  void stoppingTheWriterStoresEverythingAcceptedBefore() {
    for (int i = 0; i < 2500; i++) {
      recorder.recordTelemetry(sample(ONE, NOON.plusSeconds(i), 50, i, i));
    }

    recorder.stop();

    assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM telemetry", Long.class))
        .isEqualTo(2500);
    assertThat(recorder.dropped()).isZero();
  }

  @Test
  void addsUpEnergyPerTempoDayAndColourWithThePricesGiven() {
    LocalDate day = LocalDate.of(2026, 11, 20);
    Instant sixAm = EnergyReader.tempoDayStart(day);
    // 500 Wh/h charged from 06:00 to 08:00 (peak), nothing discharged.
    for (int minute = 0; minute <= 120; minute++) {
      recorder.recordTelemetry(
          sample(ONE, sixAm.plusSeconds(minute * 60L), 50, -1000, 10_000 + minute * 500.0 / 60));
    }
    recorder.recordTempoDay(new TempoDayRecord(day, Optional.of("RED"), Optional.empty()));
    recorder.recordTempoDay(
        new TempoDayRecord(day, Optional.empty(), Optional.of(new PeakPrices(0.15, 0.75))));
    assertThat(recorder.flush(FLUSH)).isTrue();
    new Rollups(database).catchUp(sixAm.plus(Duration.ofHours(3)));

    List<DailyEnergy> energy = queries.dailyEnergy(day, day);

    assertThat(energy)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.colour()).contains("RED");
              assertThat(d.chargedPeak()).isCloseTo(1000, within(1e-6));
              assertThat(d.chargedOffPeak()).isZero();
              assertThat(d.dischargedPeak()).isCloseTo(500, within(1e-6));
            });
    assertThat(queries.tempoDays(day, day))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.colour()).contains("RED");
              assertThat(t.prices()).contains(new PeakPrices(0.15, 0.75));
            });
    assertThat(queries.costPerColour(day, day, Map.of("RED", new PeakPrices(0.15, 0.75))))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.colour()).isEqualTo("RED");
              assertThat(c.chargeCost()).isCloseTo(0.75, within(1e-9));
              assertThat(c.saved()).isCloseTo(0.375 - 0.75, within(1e-9));
            });
  }

  @Test
  void storesPlansAndNotifications() {
    recorder.recordPlan(Optional.empty(), "{\"slots\":[]}");
    recorder.recordNotification("mail", "BatteryWentOffline", "Battery 2 is offline", true);
    assertThat(recorder.flush(FLUSH)).isTrue();

    assertThat(database.jdbc().queryForObject("SELECT body FROM plan_record", String.class))
        .isEqualTo("{\"slots\":[]}");
    assertThat(database.jdbc().queryForObject("SELECT ts FROM notification_log", Long.class))
        .isEqualTo(NOON.toEpochMilli());
  }
}
