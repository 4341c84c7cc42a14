package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

  @Test
  void readsTheSeedsVariables() {
    var variables =
        new Variables(
            Map.of(
                "TEMPO_ENABLED", "false",
                "NOTIFICATION_URLS", "tgram://123:abc/456, mailto://u:p@example.org ntfy://topic"));

    var settings = ServiceSettings.from(variables);

    assertThat(settings.tempoEnabled()).isFalse();
    assertThat(settings.notificationUrls()).hasSize(3);
    assertThat(variables.problems()).isEmpty();
  }

  @Test
  void aBadFlagAndAUrlWithoutSchemeAreNamedButTheUrlIsMasked() {
    var variables =
        new Variables(Map.of("TEMPO_ENABLED", "maybe", "NOTIFICATION_URLS", "bot-secret-token"));

    ServiceSettings.from(variables);

    assertThat(variables.problems())
        .containsExactly(
            "TEMPO_ENABLED=maybe: expected true or false",
            "NOTIFICATION_URLS=****(16 chars): expected Apprise URLs such as tgram://bottoken/ChatID,"
                + " separated by commas or spaces");
  }
}
