package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void startsAtOneAndWrapsFrom65535ToOneNeverZero() {
    assertThat(new RequestIds().next()).isEqualTo(1);
    RequestIds ids = new RequestIds(65534);

    assertThat(ids.next()).isEqualTo(65535);
    assertThat(ids.next()).isEqualTo(1);
    assertThat(ids.next()).isEqualTo(2);
  }

  @Test
  void staggersSendsToDifferentBatteriesByTheGap() {
    var stagger = new SendStagger(Duration.ofMillis(50));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(stagger.reserve(t)).isEqualTo(t);
    assertThat(stagger.reserve(t)).isEqualTo(t.plusMillis(50));
    assertThat(stagger.reserve(t.plusMillis(60))).isEqualTo(t.plusMillis(100));
    assertThat(stagger.reserve(t.plusSeconds(1))).isEqualTo(t.plusSeconds(1));
  }
}
