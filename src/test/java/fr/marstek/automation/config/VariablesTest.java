package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.device.FleetSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  @Test
  void aPortOutOfRangeIsNamedWithItsValueAndWhatIsExpected() {
    var variables = new Variables(Map.of("BATTERY_2_IP", "127.0.0.1", "BATTERY_2_PORT", "70000"));

    FleetSettings.from(variables);

    assertThat(variables.problems())
        .containsExactly("BATTERY_2_PORT=70000: expected a UDP port 1-65535");
  }

  @Test
  void everyMistakeIsListedAtOnce() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP", "not an address!",
                "BATTERY_3_IP", "127.0.0.1",
                "BATTERY_3_PORT", "abc",
                "BATTERY_4_PORT", "30004"));

    FleetSettings.from(variables);

    assertThatThrownBy(variables::check)
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("BATTERY_1_IP=not an address!: expected an IPv4 address")
        .hasMessageContaining("BATTERY_3_PORT=abc: expected a UDP port 1-65535")
        .hasMessageContaining("BATTERY_4_PORT=30004: expected BATTERY_4_IP to be set too");
  }

  @Test
  void batteriesNeedNoUpperBoundAndTenComesAfterNine() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_9_IP",
                "127.0.0.9",
                "BATTERY_10_IP",
                "127.0.0.10",
                "BATTERY_1_IP",
                "127.0.0.1"));

    var fleet = FleetSettings.from(variables);

    assertThat(fleet.batteries()).extracting(b -> b.id().value()).containsExactly("1", "9", "10");
    assertThat(fleet.batteries().get(2).address().getPort()).isEqualTo(30010);
  }

  @Test
  void twoBatteriesCannotShareAnAddress() {
    var variables =
        new Variables(
            Map.of(
                "BATTERY_1_IP",
                "127.0.0.1",
                "BATTERY_1_PORT",
                "30005",
                "BATTERY_5_IP",
                "127.0.0.1"));

    FleetSettings.from(variables);

    assertThat(variables.problems()).singleElement().asString().contains("already used");
  }

  @Test
  void secretsAreMaskedInMessages() {
    var variables = new Variables(Map.of("API_TOKEN", "short-secret"));

    variables.problem("API_TOKEN", "short-secret", "at least 16 characters");

    assertThat(variables.problems().getFirst())
        .doesNotContain("short-secret")
        .contains("API_TOKEN=****(12 chars)");
  }

  @Test
  void aBlankValueCountsAsUnset() {
    var variables = new Variables(Map.of("AUTO_MODE_START_HOUR", "  "));

    assertThat(variables.hour("AUTO_MODE_START_HOUR", 6)).isEqualTo(6);
    assertThat(variables.problems()).isEmpty();
  }
}
