package fr.marstek.automation.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times in the API are ISO-8601 with the Paris offset of that instant. */
final class ApiTimes {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private ApiTimes() {}

  static OffsetDateTime paris(Instant t) {
    return t == null ? null : t.atZone(PARIS).toOffsetDateTime();
  }
}
