package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's Tempo calendar: only without batteries and without named providers. */
class DemoTempoTest {

  @Test
  void simulatedOnlyWithNoBatteryAndNoProviderNamed() {
    assertThat(TempoProvidersConfiguration.simulated(new Variables(Map.of()))).isTrue();
    assertThat(TempoProvidersConfiguration.simulated(new Variables(Map.of("BATTERY_1_IP", " "))))
        .isTrue();
    assertThat(
            TempoProvidersConfiguration.simulated(
                new Variables(Map.of("BATTERY_2_IP", "192.168.1.20"))))
        .isFalse();
    assertThat(
            TempoProvidersConfiguration.simulated(
                new Variables(Map.of("TEMPO_PROVIDERS", "rte-public"))))
        .isFalse();
  }

  @Test
  void todayIsWhiteAndTomorrowRed() {
    var colours = new DemoTempoProvider().colours(LocalDate.of(2026, 12, 5));

    assertThat(colours.todayColour()).isEqualTo(TempoColour.WHITE);
    assertThat(colours.tomorrowColour()).isEqualTo(TempoColour.RED);
  }
}
