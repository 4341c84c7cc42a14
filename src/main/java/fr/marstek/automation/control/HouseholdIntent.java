package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * What the household asked, stored first and then kept in memory: overrides and pause. Only the
 * front door ({@link ControlCommands}) changes it; the cycle reads it.
 */
final class HouseholdIntent {

  private static final Logger log = LoggerFactory.getLogger(HouseholdIntent.class);

  private final IntentStore store;
  private final InstantSource clock;
  private final Overrides overrides = new Overrides();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final AtomicBoolean reportedUnread = new AtomicBoolean();
  private volatile boolean storedIntentRead;

  HouseholdIntent(IntentStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
    readStoredIntent();
  }

  // Read at start-up; when the database does not answer then, once it does (by the lease keeper).
  private void readStoredIntent() {
    try {
      List<ModeOverride> stored = store.load(clock.instant());
      boolean storedPause = store.loadPaused();
      stored.forEach(overrides::put);
      paused.set(storedPause);
      storedIntentRead = true;
      if (reportedUnread.get()) {
        log.info(
            "Database answers: stored overrides {} and pause ({}) now apply", stored, storedPause);
      }
    } catch (DataAccessException e) {
      if (reportedUnread.compareAndSet(false, true)) {
        log.warn(
            "Stored overrides and pause cannot be read ({}): control follows the schedule and"
                + " plan until the database answers, then applies them",
            e.getMessage());
      }
    }
  }

  void readStoredIntentOnce() {
    if (!storedIntentRead) {
      readStoredIntent();
    }
  }

  /** False until the stored overrides and pause could be read from the database. */
  boolean storedIntentRead() {
    return storedIntentRead;
  }

  /** Forces an intent until a time; an empty battery means every battery. */
  void override(
      Optional<BatteryId> battery, Intent intent, Instant until, boolean gridChargeInPeak) {
    var override = new ModeOverride(battery, intent, until, gridChargeInPeak);
    store.save(override); // first: a database outage refuses the override instead of half-taking it
    overrides.put(override);
  }

  boolean clearOverride(Optional<BatteryId> battery) {
    store.delete(battery);
    return overrides.clear(battery);
  }

  List<ModeOverride> overrides() {
    return overrides.current(clock.instant());
  }

  List<ModeOverride> overrides(Instant now) {
    return overrides.current(now);
  }

  void pause() {
    store.savePaused(true);
    paused.set(true);
  }

  void resume() {
    store.savePaused(false);
    paused.set(false);
  }

  boolean isPaused() {
    return paused.get();
  }
}
