package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * RTE's OAuth2 client-credentials token, kept until 5 minutes before it expires (RTE gives no
 * refresh token) or until a data call answers 401. Neither the secret nor the token is ever put in
 * a message.
 */
final class RteToken {

  static final Duration MARGIN = Duration.ofMinutes(5);

  private final TempoHttp http;
  private final ObjectMapper json;
  private final URI tokenUrl;
  private final String basicAuth;
  private final InstantSource clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  RteToken(
      TempoHttp http,
      ObjectMapper json,
      URI tokenUrl,
      TempoSettings.RteCredentials credentials,
      InstantSource clock) {
    this.http = http;
    this.json = json;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
    String pair = credentials.clientId() + ":" + credentials.clientSecret();
    this.basicAuth = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  synchronized String current() throws ProviderFailure {
    if (token == null || !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
      fetch();
    }
    return token;
  }

  synchronized void invalidate() {
    token = null;
    expiresAt = Instant.MIN;
  }

  synchronized Optional<Instant> expiresAt() {
    return token == null ? Optional.empty() : Optional.of(expiresAt);
  }

  private void fetch() throws ProviderFailure {
    HttpRequest request =
        http.request(tokenUrl)
            .header("Authorization", "Basic " + basicAuth)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    TempoHttp.Answer answer = http.send(request, "RTE token endpoint");
    if (answer.status() == 400 || answer.status() == 401) {
      throw ProviderFailure.permanent(
          "RTE refused RTE_CLIENT_ID/RTE_CLIENT_SECRET (HTTP "
              + answer.status()
              + "): check the application's credentials on data.rte-france.com");
    }
    if (answer.status() != 200) {
      throw RteErrors.failureOf(answer, json);
    }
    try {
      JsonNode body = json.readTree(answer.body());
      String access = body.path("access_token").asString("");
      if (access.isBlank()) {
        throw ProviderFailure.retryable("RTE token endpoint answered without an access_token");
      }
      long seconds = body.path("expires_in").asLong(7200);
      token = access;
      expiresAt = clock.instant().plusSeconds(seconds);
    } catch (JacksonException e) {
      throw ProviderFailure.retryable("RTE token endpoint answered something that is not JSON");
    }
  }
}
