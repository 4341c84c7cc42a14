package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease per battery in the shared database, so that two instances never both command one battery:
 * the holder renews it; another instance takes it over only once it expired. Only the {@link
 * LeaseKeeper}'s thread runs these statements, never a control cycle.
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

  Duration length() {
    return length;
  }

  /**
   * Takes or renews every battery's lease; the batteries this instance may command. Throws {@link
   * org.springframework.dao.DataAccessException} when the database does not answer.
   */
  Set<BatteryId> renew(Collection<BatteryId> batteries, Instant now) {
    Set<BatteryId> held = new HashSet<>();
    for (BatteryId battery : batteries) {
      try {
        if (takeOrRenew(battery, now)) {
          held.add(battery);
        }
      } catch (DataIntegrityViolationException e) {
        // Another instance inserted the lease first.
      }
    }
    return Set.copyOf(held);
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
    jdbc.sql("DELETE FROM battery_lease WHERE owner = ?").param(owner).update();
  }

  String owner() {
    return owner;
  }
}
