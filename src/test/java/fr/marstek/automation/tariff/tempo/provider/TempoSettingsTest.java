package fr.marstek.automation.tariff.tempo.provider;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TempoSettingsTest {

  @Test
  void defaultsToTheThreeProvidersInTheRecommendedOrderAndTheRealUrls() {
    var variables = new Variables(Map.of());

    TempoSettings settings = TempoSettings.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.providers()).containsExactly("rte", "rte-public", "couleur-tempo");
    assertThat(settings.rteCredentials()).isEmpty();
    assertThat(settings.rteTokenUrl())
        .isEqualTo(URI.create("https://digital.iservices.rte-france.com/token/oauth/"));
    assertThat(settings.couleurApiUrl())
        .isEqualTo(URI.create("https://www.api-couleur-tempo.fr/api"));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyMistakeIsReportedAtOnceWithoutShowingTheSecret() {
    var variables =
        new Variables(
            Map.of(
                "TEMPO_PROVIDERS", "rte,edf",
                "RTE_CLIENT_SECRET", "s3cr3t-client-secret-value",
                "TEMPO_RTE_PUBLIC_URL", "ftp://example",
                "TEMPO_HTTP_TIMEOUT_SECONDS", "0"));

    TempoSettings.from(variables);

    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "TEMPO_PROVIDERS=rte,edf: expected each of rte, rte-public, couleur-tempo at most"
                + " once, in order",
            "RTE_CLIENT_ID=: expected set together with RTE_CLIENT_SECRET (both from your"
                + " data.rte-france.com app)",
            "TEMPO_RTE_PUBLIC_URL=ftp://example: expected an http:// or https:// URL",
            "TEMPO_HTTP_TIMEOUT_SECONDS=0: expected seconds 1-120");
    assertThat(String.join("\n", variables.problems())).doesNotContain("s3cr3t");
  }

  @Test
  void theCredentialsNeverPrintTheirSecret() {
    var settings =
        TempoSettings.from(
            new Variables(
                Map.of("RTE_CLIENT_ID", "id-1", "RTE_CLIENT_SECRET", "s3cr3t-client-secret")));

    assertThat(settings.toString()).contains("id-1").doesNotContain("s3cr3t");
  }
}
