package fr.marstek.automation.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Overrides and the pause switch survive a restart: a starting service reads them back. */
class IntentStoreTest {

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.atParis("2026-12-01T14:00:00");
  private IntentStore store;

  @BeforeEach
  void migrate() {
    var dataSource =
        new SimpleDriverDataSource(
            new org.sqlite.JDBC(), "jdbc:sqlite:" + dir.resolve("intent.db"));
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new IntentStore(JdbcClient.create(dataSource));
  }

  /** What a starting service reads back of the household's intent. */
  private HouseholdIntent startService() {
    return new HouseholdIntent(store, clock);
  }

  @Test
  void overridesAndPauseAreResumedAfterARestart() {
    var before = startService();
    var until = clock.instant().plus(Duration.ofHours(2));
    before.override(
        Optional.of(BatteryId.of(2)),
        new Intent.GridCharge(Watts.of(1200), Percent.of(80)),
        until,
        true);
    before.override(Optional.empty(), new Intent.FixedPower(Watts.of(-500), until), until, false);
    before.pause();

    var after = startService();

    assertThat(after.isPaused()).isTrue();
    assertThat(after.overrides())
        .containsExactlyInAnyOrder(
            new ModeOverride(
                Optional.of(BatteryId.of(2)),
                new Intent.GridCharge(Watts.of(1200), Percent.of(80)),
                until,
                true),
            new ModeOverride(
                Optional.empty(), new Intent.FixedPower(Watts.of(-500), until), until, false));
  }

  @Test
  void aClearedOrEndedOverrideDoesNotComeBack() {
    var before = startService();
    before.override(
        Optional.of(BatteryId.of(1)),
        new Intent.VendorAi(),
        clock.instant().plusSeconds(60),
        false);
    before.override(
        Optional.of(BatteryId.of(3)), new Intent.Idle(), clock.instant().plusSeconds(3600), false);
    before.clearOverride(Optional.of(BatteryId.of(3)));
    before.resume();

    clock.advance(Duration.ofMinutes(2));
    var after = startService();

    assertThat(after.overrides()).isEmpty();
    assertThat(after.isPaused()).isFalse();
  }
}
