package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease per battery in the shared database, so that two instances never both command one battery:
 * each cycle the holder renews it; another instance takes it over only once it expired.
 *
 * <p>While the database cannot be reached, the instance that held a battery's lease when it went
 * away keeps commanding it (control must go on through a database outage) and one that did not
 * stays off; the database is asked again at most every {@link #RETRY_AWAY}, so a cycle does not
 * wait for a connection timeout per battery. docs/FAILSAFE.md states the partition caveat.
 */
final class BatteryLeases {

  static final Duration RETRY_AWAY = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(BatteryLeases.class);

  private final JdbcClient jdbc;
  private final String owner;
  private final Duration length;
  private final Set<BatteryId> held = ConcurrentHashMap.newKeySet();
  private volatile Instant awayUntil = Instant.MIN;

  BatteryLeases(JdbcClient jdbc, String owner, Duration length) {
    this.jdbc = jdbc;
    this.owner = owner;
    this.length = length;
  }

  /** Takes or renews the lease; true when this instance may command the battery now. */
  boolean hold(BatteryId battery, Instant now) {
    if (now.isBefore(awayUntil)) {
      return held.contains(battery);
    }
    try {
      boolean holds = takeOrRenew(battery, now);
      if (holds) {
        held.add(battery);
      } else {
        held.remove(battery);
      }
      if (awayUntil != Instant.MIN) {
        log.info("Database reachable again: battery leases renewed normally");
        awayUntil = Instant.MIN;
      }
      return holds;
    } catch (DataIntegrityViolationException e) {
      // Another instance inserted the lease first.
      held.remove(battery);
      return false;
    } catch (DataAccessException e) {
      if (awayUntil == Instant.MIN) {
        log.warn(
            "Database unreachable for battery leases ({}): keeping the batteries held: {}",
            e.getMessage(),
            held);
      }
      awayUntil = now.plus(RETRY_AWAY);
      return held.contains(battery);
    }
  }

  private boolean takeOrRenew(BatteryId battery, Instant now) {
    long expires = now.plus(length).toEpochMilli();
    int renewed =
        jdbc.sql(
                "UPDATE battery_lease SET owner = ?, expires_ms = ?"
                    + " WHERE battery = ? AND (owner = ? OR expires_ms < ?)")
            .params(owner, expires, battery.value(), owner, now.toEpochMilli())
            .update();
    if (renewed == 1) {
      return true;
    }
    if (jdbc.sql("SELECT COUNT(*) FROM battery_lease WHERE battery = ?")
            .param(battery.value())
            .query(Integer.class)
            .single()
        > 0) {
      return false; // held by another instance, not expired
    }
    return jdbc.sql("INSERT INTO battery_lease (battery, owner, expires_ms) VALUES (?, ?, ?)")
            .params(battery.value(), owner, expires)
            .update()
        == 1;
  }

  /** Lets another instance take over at once, e.g. on a clean shutdown. */
  void releaseAll() {
    held.clear();
    try {
      jdbc.sql("DELETE FROM battery_lease WHERE owner = ?").param(owner).update();
    } catch (DataAccessException e) {
      // The leases expire by themselves.
    }
  }

  String owner() {
    return owner;
  }
}
