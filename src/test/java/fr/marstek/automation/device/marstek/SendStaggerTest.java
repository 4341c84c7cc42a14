package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendStaggerTest {

  private final Instant t = Instant.parse("2026-01-01T00:00:00Z");
  private final SendStagger stagger = new SendStagger(Duration.ofMillis(50));

  @Test
  void staggersSendsToDifferentBatteriesByTheGap() {
    assertThat(stagger.reserve(t, t)).isEqualTo(t);
    assertThat(stagger.reserve(t, t)).isEqualTo(t.plusMillis(50));
    assertThat(stagger.reserve(t.plusMillis(60), t)).isEqualTo(t.plusMillis(100));
    assertThat(stagger.reserve(t.plusSeconds(1), t)).isEqualTo(t.plusSeconds(1));
  }

  @Test
  void aBatteryBookedSecondsAheadDoesNotHoldBackOneThatMaySendNow() {
    assertThat(stagger.reserve(t.plusSeconds(2), t)).isEqualTo(t.plusSeconds(2));

    assertThat(stagger.reserve(t, t)).isEqualTo(t);
    assertThat(stagger.reserve(t.plusMillis(1980), t))
        .as("too close to the slot at 2 s on either side")
        .isEqualTo(t.plusMillis(2050));
    assertThat(stagger.reserve(t.plusMillis(10), t)).isEqualTo(t.plusMillis(50));
  }

  @Test
  void aFreeWindowBetweenTwoBookedSlotsIsUsedOnlyWhenItKeepsTheGapOnBothSides() {
    stagger.reserve(t, t);
    stagger.reserve(t.plusMillis(100), t);
    stagger.reserve(t.plusMillis(300), t);
    stagger.reserve(t.plusMillis(380), t);

    assertThat(stagger.reserve(t.plusMillis(40), t)).isEqualTo(t.plusMillis(50));
    assertThat(stagger.reserve(t.plusMillis(310), t)).isEqualTo(t.plusMillis(430));
    assertThat(stagger.reserve(t.plusMillis(30), t)).isEqualTo(t.plusMillis(150));
  }

  @Test
  void withoutAGapEverySendGoesWhenItWants() {
    var none = new SendStagger(Duration.ZERO);
    none.reserve(t.plusSeconds(2), t);

    assertThat(none.reserve(t, t)).isEqualTo(t);
    assertThat(none.reserve(t, t)).isEqualTo(t);
  }
}
