package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A battery went from one mode to another. */
public record ModeChange(
    BatteryId battery,
    Instant at,
    Optional<DeviceMode> from,
    DeviceMode to,
    ChangeCause cause,
    Optional<String> detail) {

  public ModeChange {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    detail = detail.map(d -> Texts.shortened(d, 500));
  }
}
