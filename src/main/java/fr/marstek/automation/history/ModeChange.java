package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A battery went from one mode to another.
 *
 * @param detail why, written in each reader's language when read (rows stored before reasons were
 *     phrases come back as their English text)
 */
public record ModeChange(
    BatteryId battery,
    Instant at,
    Optional<DeviceMode> from,
    DeviceMode to,
    ChangeCause cause,
    Optional<Phrase> detail) {

  public ModeChange {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
  }
}
