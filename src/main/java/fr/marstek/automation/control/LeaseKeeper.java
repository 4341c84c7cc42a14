package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;

/**
 * Renews this instance's battery leases and saves the slot record on a virtual thread of its own,
 * once per {@link #period()} of clock time, so that a control cycle only reads the last answer and
 * never waits on the database (a locked table or a silent network hangs this thread, not control).
 *
 * <p>While the database cannot be reached, the batteries held when it went away stay held and the
 * others stay off; when it cannot be reached from the very start, this instance takes every battery
 * (a single instance is assumed: docs/FAILSAFE.md states the caveat for several).
 */
final class LeaseKeeper {

  /** How long the first control cycle waits for the first answer; later cycles never wait. */
  static final Duration FIRST_ANSWER_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  private final BatteryLeases leases;
  private final List<Runnable> chores = new CopyOnWriteArrayList<>();
  private final List<BatteryId> batteries;
  private final InstantSource clock;
  private volatile Set<BatteryId> held = Set.of();
  private volatile boolean answered;
  private volatile Instant lastStart;
  private volatile Instant runningSince;
  private volatile Thread round;
  private volatile Optional<Away> away = Optional.empty();

  /** The database did not answer the lease statements since {@code since}. */
  record Away(Instant since, String error) {}

  LeaseKeeper(BatteryLeases leases, List<BatteryId> batteries, InstantSource clock) {
    this.leases = leases;
    this.batteries = List.copyOf(batteries);
    this.clock = clock;
  }

  /** Other database work of control's, run after each round's leases (e.g. saving the slots). */
  void alsoEachRound(Runnable chore) {
    chores.add(chore);
  }

  /** A third of the lease, so two rounds may fail before the lease could expire. */
  Duration period() {
    return leases.length().dividedBy(3);
  }

  /**
   * Whether this instance may command the battery now, from the last round's answer; starts a new
   * round in the background when one is due. Only the first call waits, for the first answer.
   */
  boolean mayCommand(BatteryId battery) {
    renewIfDue();
    if (!answered) {
      awaitFirstAnswer();
    }
    return held.contains(battery);
  }

  /**
   * Starts a round on its own thread unless one is running or the last began under a period ago.
   */
  synchronized void renewIfDue() {
    Instant now = clock.instant();
    boolean due =
        lastStart == null || !now.isBefore(lastStart.plus(period())) || now.isBefore(lastStart);
    if (runningSince != null || !due) {
      return;
    }
    lastStart = now;
    runningSince = now;
    round = Thread.ofVirtual().name("lease-keeper").start(this::renewNow);
  }

  /** One round on the caller's thread: leases, then the other chores. */
  void renewNow() {
    Instant now = clock.instant();
    lastStart = now;
    try {
      held = leases.renew(batteries, now);
      answered = true;
      if (away.isPresent()) {
        log.info("Database reachable again: battery leases renewed");
      }
      away = Optional.empty();
      chores.forEach(Runnable::run);
    } catch (DataAccessException e) {
      noteAway(now, e);
      answered = true;
    } finally {
      runningSince = null;
    }
  }

  private void noteAway(Instant now, DataAccessException e) {
    String error = String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    if (!answered) {
      held = Set.copyOf(batteries);
      log.warn(
          "Battery leases cannot be read ({}): this instance commands every battery, as a single"
              + " instance would; see docs/FAILSAFE.md if several instances share this database",
          error);
    } else if (away.isEmpty()) {
      log.warn(
          "Database unreachable for battery leases ({}): keeping the batteries held: {}",
          error,
          held);
    }
    if (away.isEmpty()) {
      away = Optional.of(new Away(now, error));
    }
  }

  private void awaitFirstAnswer() {
    Thread running = round;
    if (running == null) {
      return;
    }
    try {
      running.join(FIRST_ANSWER_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Since when the running round has hung, when it has run for more than two periods. */
  Optional<Instant> stalledSince() {
    Instant since = runningSince;
    if (since == null || !clock.instant().isAfter(since.plus(period().multipliedBy(2)))) {
      return Optional.empty();
    }
    return Optional.of(since);
  }

  Optional<Away> away() {
    return away;
  }

  /** Lets other instances take over at once; a database that does not answer lets them expire. */
  void releaseAll() {
    held = Set.of();
    chores.forEach(Runnable::run);
    try {
      leases.releaseAll();
    } catch (DataAccessException e) {
      // The leases expire by themselves.
    }
  }
}
