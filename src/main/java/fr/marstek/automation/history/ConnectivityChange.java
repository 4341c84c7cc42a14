package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Phrase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A battery stopped or resumed answering. */
public record ConnectivityChange(
    BatteryId battery, Instant at, boolean online, Optional<Phrase> detail) {

  public ConnectivityChange {
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(at, "at");
  }
}
