package fr.marstek.automation.history;

import com.zaxxer.hikari.HikariDataSource;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Ingests DAYS of 10-second samples for 3 batteries, rolls them up, and times chart reads, on
 * SQLite and PostgreSQL ({@code TEST_DATABASE_URL} or embedded). Run: {@code ./mvnw -q test-compile
 * exec:java -Dexec.args="365"} (see docs/BENCHMARKS.md).
 */
public final class HistoryBenchmark {

  static final int BATTERIES = 3;
  static final int STEP_SECONDS = 10;
  static final int BATCH = BufferedHistoryWriter.BATCH;
  static final Instant END = Instant.parse("2026-11-26T00:00:00Z");

  private HistoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
    String which = args.length > 1 ? args[1] : "both";
    if (!which.equals("postgres")) {
      Path dir = Files.createTempDirectory("history-bench");
      Path file = dir.resolve("bench.db");
      try (HikariDataSource ds = TestDatabases.sqlite(file)) {
        run("SQLite " + sqliteVersion(ds), ds, days, () -> sqliteBytes(ds, file));
      }
    }
    if (!which.equals("sqlite")) {
      try (var pg = new TestDatabases.PostgresSchema();
          HikariDataSource ds = pg.open()) {
        run("PostgreSQL (" + pg.description() + ")", ds, days, () -> postgresBytes(ds));
      }
    }
  }

  interface Size {
    long bytes() throws Exception;
  }

  static void run(String name, HikariDataSource ds, int days, Size size) throws Exception {
    TestDatabases.migrate(ds);
    HistoryDatabase db = TestDatabases.database(ds);
    HistoryWrites writes = new HistoryWrites(db, InstantSource.fixed(END));
    Instant start = END.minus(Duration.ofDays(days));
    long rows = 0;
    long t0 = System.nanoTime();
    SplittableRandom random = new SplittableRandom(42);
    double[] charged = new double[BATTERIES];
    List<TelemetrySample> batch = new ArrayList<>(BATCH);
    for (Instant at = start; at.isBefore(END); at = at.plusSeconds(STEP_SECONDS)) {
      for (int b = 0; b < BATTERIES; b++) {
        batch.add(sample(b, at, random, charged));
        if (batch.size() == BATCH) {
          writes.write(batch);
          rows += batch.size();
          batch.clear();
        }
      }
    }
    writes.write(batch);
    rows += batch.size();
    double ingestSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    new Rollups(db).catchUp(END);
    double rollupSeconds = (System.nanoTime() - t1) / 1e9;
    long bytes = size.bytes();
    System.out.printf(
        Locale.ROOT,
        "%n== %s, %d days x %d batteries every %d s%n",
        name,
        days,
        BATTERIES,
        STEP_SECONDS);
    System.out.printf(
        Locale.ROOT,
        "rows ingested: %,d in %.1f s = %,.0f rows/s (batches of %d, one transaction each)%n",
        rows,
        ingestSeconds,
        rows / ingestSeconds,
        BATCH);
    System.out.printf(
        Locale.ROOT, "rollups (hourly + daily) from scratch: %.1f s%n", rollupSeconds);
    System.out.printf(
        Locale.ROOT,
        "storage: %,.1f MB total = %,.1f MB per battery-year of raw samples (incl. indexes and rollups)%n",
        bytes / 1e6,
        bytes / 1e6 / BATTERIES * 365.0 / days);
    JdbcHistoryQueries queries = new JdbcHistoryQueries(db);
    for (Duration range :
        List.of(Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365))) {
      if (range.toDays() > days) {
        continue;
      }
      chart(queries, range);
    }
  }

  static void chart(JdbcHistoryQueries queries, Duration range) {
    Instant from = END.minus(range);
    double[] millis = new double[7];
    int points = 0;
    for (int i = 0; i < millis.length; i++) {
      long t = System.nanoTime();
      points = 0;
      for (int b = 1; b <= BATTERIES; b++) {
        points += queries.series(Optional.of(BatteryId.of(b)), from, END).points().size();
      }
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    long t = System.nanoTime();
    int fleetPoints = queries.series(Optional.empty(), from, END).points().size();
    double fleetMillis = (System.nanoTime() - t) / 1e6;
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "chart %-8s %-6s: 3 battery series = %,d points, median %.1f ms (min %.1f, max %.1f, 7 runs); fleet series %,d points %.1f ms%n",
        range.toHours() < 48 ? range.toHours() + " h" : range.toDays() + " d",
        Resolution.forRange(from, END),
        points,
        millis[millis.length / 2],
        millis[0],
        millis[millis.length - 1],
        fleetPoints,
        fleetMillis);
  }

  static TelemetrySample sample(int b, Instant at, SplittableRandom random, double[] charged) {
    double hour = (at.getEpochSecond() % 86_400) / 3600.0;
    double power =
        Math.round(Math.sin(hour / 24 * 2 * Math.PI + b) * 1500 + random.nextInt(-50, 51));
    if (power < 0) {
      charged[b] += -power * STEP_SECONDS / 3600.0;
    }
    double soc = 50 + 40 * Math.sin(hour / 24 * 2 * Math.PI + b + 1);
    return new TelemetrySample(
        BatteryId.of(b + 1),
        at,
        true,
        Optional.of(Percent.clamped(Math.round(soc))),
        Optional.of(Watts.of(power)),
        Optional.of(Watts.of(random.nextInt(-3000, 6000))),
        Optional.empty(),
        Optional.of(new Celsius(20 + random.nextInt(0, 15))),
        Optional.of(WattHours.of(Math.floor(charged[b]))),
        Optional.of(WattHours.of(Math.floor(charged[b] * 0.9))));
  }

  static String sqliteVersion(HikariDataSource ds) {
    return new org.springframework.jdbc.core.JdbcTemplate(ds)
        .queryForObject("SELECT sqlite_version()", String.class);
  }

  static long sqliteBytes(HikariDataSource ds, Path file) throws Exception {
    new org.springframework.jdbc.core.JdbcTemplate(ds).execute("PRAGMA wal_checkpoint(TRUNCATE)");
    Path wal = Path.of(file + "-wal");
    return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
  }

  static long postgresBytes(HikariDataSource ds) {
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ds);
    jdbc.execute("VACUUM ANALYZE telemetry");
    Long bytes =
        jdbc.queryForObject(
            "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind = 'r'",
            Long.class);
    return bytes == null ? 0 : bytes;
  }
}
