package fr.marstek.automation.web.api;

import fr.marstek.automation.history.SeriesPoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.util.StdConverter;

/**
 * A chart point is rendered as history gives it ({@link SeriesPoint}), its time at the Paris offset
 * like every time in the API: history keeps no JSON of its own, and the API no copy of the point.
 */
@Configuration(proxyBeanMethods = false)
class TelemetryJson {

  @Bean
  JsonMapperBuilderCustomizer seriesPointTimesAtParisOffset() {
    return builder -> builder.addMixIn(SeriesPoint.class, PointTimes.class);
  }

  /** Jackson's view of {@link SeriesPoint}: only its time changes form. */
  abstract static class PointTimes {
    @JsonSerialize(converter = AtParisOffset.class)
    abstract Instant at();
  }

  static final class AtParisOffset extends StdConverter<Instant, OffsetDateTime> {
    @Override
    public OffsetDateTime convert(Instant at) {
      return ApiTimes.paris(at);
    }
  }
}
