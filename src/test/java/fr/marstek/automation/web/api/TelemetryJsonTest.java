package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.history.SeriesPoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The API renders history's point itself, in the form its own copy of the point had. */
class TelemetryJsonTest {

  @Test
  void aPointIsItsFieldsInOrderWithItsTimeAtTheParisOffset() {
    var builder = JsonMapper.builder();
    new TelemetryJson().seriesPointTimesAtParisOffset().customize(builder);
    var point =
        new SeriesPoint(
            Instant.parse("2026-07-01T12:00:50Z"),
            55.0,
            -1000.0,
            null,
            null,
            200.0,
            null,
            31.5,
            1.0,
            105.0,
            7.0);

    assertThat(builder.build().writeValueAsString(point))
        .isEqualTo(
            "{\"at\":\"2026-07-01T14:00:50+02:00\",\"soc\":55.0,\"batteryPower\":-1000.0,"
                + "\"batteryPowerMin\":null,\"batteryPowerMax\":null,\"gridPower\":200.0,"
                + "\"pvPower\":null,\"temperature\":31.5,\"online\":1.0,\"charged\":105.0,"
                + "\"discharged\":7.0}");
  }
}
