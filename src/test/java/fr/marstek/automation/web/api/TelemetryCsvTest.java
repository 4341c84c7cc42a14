package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.history.Resolution;
import fr.marstek.automation.history.Series;
import fr.marstek.automation.history.SeriesPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryCsvTest {

  @Test
  void anHourlyMeanStateOfChargeIsRoundedAndTheTimeHasTheParisOffset() {
    Instant summer = Instant.parse("2026-07-01T10:00:00Z");
    var point =
        new SeriesPoint(
            summer, 61.333333333333336, -812.5, null, null, null, null, 24.0, 1.0, null, null);
    var series =
        new Series(
            Optional.of(BatteryId.of(1)),
            summer,
            summer.plusSeconds(3600),
            Resolution.HOURLY,
            List.of(point));

    assertThat(TelemetryCsv.of(series).lines().skip(1))
        .containsExactly("2026-07-01T12:00:00+02:00,1,hourly,61.3,-812.5,,,,,24.0,1.0,,");
  }
}
