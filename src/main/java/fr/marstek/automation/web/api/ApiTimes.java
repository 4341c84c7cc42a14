package fr.marstek.automation.web.api;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Times in the API are ISO-8601 with the Paris offset of that instant. */
final class ApiTimes {

  private ApiTimes() {}

  static OffsetDateTime paris(Instant t) {
    return t == null ? null : t.atZone(PARIS).toOffsetDateTime();
  }
}
