package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarstekClientSettingsTest {

  @Test
  void defaultsToTheSpecsPacing() {
    Variables variables = new Variables(Map.of());

    MarstekClientSettings settings = MarstekClientSettings.from(variables);

    assertThat(settings).isEqualTo(MarstekClientSettings.defaults());
    assertThat(settings.quietGap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.sendGap()).isEqualTo(Duration.ofMillis(300));
    assertThat(settings.timeout(false)).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.timeout(true)).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.attempts(false)).isEqualTo(3);
    assertThat(settings.attempts(true)).isEqualTo(4);
    assertThat(settings.localPortPolicy()).isEqualTo(LocalPortPolicy.DEVICE);
    assertThat(variables.problems()).isEmpty();
  }

  @Test
  void readsEveryVariable() {
    Variables variables =
        new Variables(
            Map.ofEntries(
                Map.entry("MARSTEK_REQUEST_GAP_MS", "2500"),
                Map.entry("MARSTEK_SEND_GAP_MS", "400"),
                Map.entry("MARSTEK_STAGGER_GAP_MS", "80"),
                Map.entry("MARSTEK_READ_TIMEOUT_MS", "4000"),
                Map.entry("MARSTEK_WRITE_TIMEOUT_MS", "6000"),
                Map.entry("MARSTEK_READ_RETRIES", "1"),
                Map.entry("MARSTEK_WRITE_RETRIES", "5"),
                Map.entry("MARSTEK_RETRY_BACKOFF_MS", "1500"),
                Map.entry("MARSTEK_TEMPERATURE_EVERY_S", "600"),
                Map.entry("MARSTEK_LOCAL_PORT_POLICY", "Ephemeral"),
                Map.entry("MARSTEK_LOCAL_ADDRESS", "127.0.0.1")));

    MarstekClientSettings settings = MarstekClientSettings.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(settings)
        .isEqualTo(
            new MarstekClientSettings(
                Duration.ofMillis(2500),
                Duration.ofMillis(400),
                Duration.ofMillis(80),
                Duration.ofMillis(4000),
                Duration.ofMillis(6000),
                1,
                5,
                Duration.ofMillis(1500),
                Duration.ofMinutes(10),
                LocalPortPolicy.EPHEMERAL,
                InetAddress.ofLiteral("127.0.0.1")));
  }

  @Test
  void namesEachBadVariableAndWhatItExpects() {
    Variables variables =
        new Variables(
            Map.of(
                "MARSTEK_READ_TIMEOUT_MS", "3s",
                "MARSTEK_WRITE_RETRIES", "-1",
                "MARSTEK_LOCAL_PORT_POLICY", "fixed",
                "MARSTEK_LOCAL_ADDRESS", "my-laptop"));

    MarstekClientSettings.from(variables);

    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "MARSTEK_READ_TIMEOUT_MS=3s: expected milliseconds 50-60000",
            "MARSTEK_WRITE_RETRIES=-1: expected a number of retries 0-10",
            "MARSTEK_LOCAL_PORT_POLICY=fixed: expected device (send from the battery's API port)"
                + " or ephemeral (any free port)",
            "MARSTEK_LOCAL_ADDRESS=my-laptop: expected a local IPv4 address to bind, such as"
                + " 0.0.0.0");
  }
}
