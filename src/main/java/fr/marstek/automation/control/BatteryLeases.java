package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease per battery in the shared database, so that two instances never both command one battery:
 * each cycle the holder renews it; another instance takes it over only once it expired.
 */
final class BatteryLeases {

  private final JdbcClient jdbc;
  private final String owner;
  private final Duration length;

  BatteryLeases(JdbcClient jdbc, String owner, Duration length) {
    this.jdbc = jdbc;
    this.owner = owner;
    this.length = length;
  }

  /** Takes or renews the lease; true when this instance may command the battery now. */
  boolean hold(BatteryId battery, Instant now) {
    long expires = now.plus(length).toEpochMilli();
    try {
      int renewed =
          jdbc.sql(
                  "UPDATE battery_lease SET owner = ?, expires_ms = ?"
                      + " WHERE battery = ? AND (owner = ? OR expires_ms < ?)")
              .params(owner, expires, battery.value(), owner, now.toEpochMilli())
              .update();
      if (renewed == 1) {
        return true;
      }
      return jdbc.sql("INSERT INTO battery_lease (battery, owner, expires_ms) VALUES (?, ?, ?)")
              .params(battery.value(), owner, expires)
              .update()
          == 1;
    } catch (DataAccessException e) {
      // Another instance inserted first, or the database is away: either way, do not command.
      return false;
    }
  }

  /** Lets another instance take over at once, e.g. on a clean shutdown. */
  void releaseAll() {
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
