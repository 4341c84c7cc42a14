package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Manual slots each battery acknowledged. A battery cannot read its slots back, so this record
 * is the only way to know that every slot a night needs was written: a slot missing from it is sent
 * again. Control reads and changes it in memory only; the {@link LeaseKeeper} saves the changes
 * when the database answers, and a restart reads them back. A slot being sent counts as unknown
 * until it is acknowledged, so a refused or unanswered write, or a stop in between, shows as
 * missing.
 */
final class SlotRecord {

  private static final Logger log = LoggerFactory.getLogger(SlotRecord.class);

  private final Optional<JdbcClient> jdbc;
  private final Map<BatteryId, Map<Integer, ManualSlot>> acknowledged = new ConcurrentHashMap<>();
  private final Set<BatteryId> changed = ConcurrentHashMap.newKeySet();

  private SlotRecord(Optional<JdbcClient> jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A record saved in {@code manual_slot}, read back now; empty when the database does not answer.
   */
  static SlotRecord stored(JdbcClient jdbc) {
    SlotRecord record = new SlotRecord(Optional.of(jdbc));
    record.load();
    return record;
  }

  /** A record in memory only. */
  static SlotRecord inMemory() {
    return new SlotRecord(Optional.empty());
  }

  boolean holds(BatteryId battery, ManualSlot slot) {
    return slot.equals(slotsOf(battery).get(slot.index()));
  }

  /** Called before a slot is sent: what the battery holds there is unknown until it answers. */
  void sending(BatteryId battery, int index) {
    if (slotsOf(battery).remove(index) != null) {
      changed.add(battery);
    }
  }

  void acknowledged(BatteryId battery, ManualSlot slot) {
    slotsOf(battery).put(slot.index(), slot);
    changed.add(battery);
  }

  private Map<Integer, ManualSlot> slotsOf(BatteryId battery) {
    return acknowledged.computeIfAbsent(battery, b -> new ConcurrentHashMap<>());
  }

  /** Writes the batteries whose record changed; kept in memory for the next try when it fails. */
  synchronized void save() {
    if (jdbc.isEmpty()) {
      changed.clear();
      return;
    }
    for (BatteryId battery : Set.copyOf(changed)) {
      changed.remove(battery);
      try {
        write(jdbc.get(), battery, Map.copyOf(slotsOf(battery)));
      } catch (DataAccessException e) {
        changed.add(battery);
        log.debug("Slot record of battery {} not saved yet: {}", battery, e.getMessage());
        return;
      }
    }
  }

  private static void write(JdbcClient jdbc, BatteryId battery, Map<Integer, ManualSlot> slots) {
    // Two statements without a transaction: a stop in between leaves fewer slots, never wrong ones.
    jdbc.sql("DELETE FROM manual_slot WHERE battery = ?").param(battery.value()).update();
    for (ManualSlot s : slots.values()) {
      jdbc.sql(
              "INSERT INTO manual_slot (battery, slot_index, start_time, end_time, week_set,"
                  + " power_w, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              battery.value(),
              s.index(),
              s.start().toString(),
              s.end().toString(),
              s.weekSet(),
              s.power().rounded(),
              s.enabled() ? 1 : 0)
          .update();
    }
  }

  private void load() {
    try {
      jdbc.orElseThrow()
          .sql(
              "SELECT battery, slot_index, start_time, end_time, week_set, power_w, enabled"
                  + " FROM manual_slot")
          .query(
              rs -> {
                var slot =
                    new ManualSlot(
                        rs.getInt("slot_index"),
                        LocalTime.parse(rs.getString("start_time")),
                        LocalTime.parse(rs.getString("end_time")),
                        ManualSlot.daysOf(rs.getInt("week_set")),
                        Watts.of(rs.getInt("power_w")),
                        rs.getInt("enabled") == 1);
                slotsOf(new BatteryId(rs.getString("battery"))).put(slot.index(), slot);
              });
    } catch (DataAccessException e) {
      log.warn(
          "Acknowledged Manual slots not read ({}): every slot the night needs is sent again",
          e.getMessage());
    }
  }
}
