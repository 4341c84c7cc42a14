package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A battery stopped or resumed answering. */
public record ConnectivityChange(
    BatteryId battery, Instant at, boolean online, Optional<String> detail) {

  public ConnectivityChange {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
    detail = detail.map(d -> Texts.shortened(d, 500));
  }
}
