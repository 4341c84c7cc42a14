package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The household's current overrides; an override ends by itself at its time, and a newer one for
 * the same target replaces the older.
 */
final class Overrides {

  private final CopyOnWriteArrayList<ModeOverride> active = new CopyOnWriteArrayList<>();

  synchronized void put(ModeOverride override) {
    active.removeIf(o -> o.battery().equals(override.battery()));
    active.add(override);
  }

  synchronized boolean clear(Optional<BatteryId> battery) {
    return active.removeIf(o -> o.battery().equals(battery));
  }

  /** Drops ended overrides and returns the rest, batteries' own first. */
  List<ModeOverride> current(Instant now) {
    active.removeIf(o -> !now.isBefore(o.until()));
    return active.stream()
        .sorted((a, b) -> Boolean.compare(b.battery().isPresent(), a.battery().isPresent()))
        .toList();
  }
}
