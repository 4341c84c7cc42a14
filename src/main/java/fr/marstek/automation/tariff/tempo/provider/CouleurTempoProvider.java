package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColourProvider;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import java.net.URI;
import java.time.LocalDate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * api-couleur-tempo.fr (community, no credentials). Days are asked by date, not with {@code
 * today}/{@code tomorrow}, so the Tempo day is ours, not the server's idea of it.
 */
final class CouleurTempoProvider implements TempoColourProvider {

  private final TempoHttp http;
  private final ObjectMapper json;
  private final URI baseUrl;

  CouleurTempoProvider(TempoHttp http, ObjectMapper json, URI baseUrl) {
    this.http = http;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  @Override
  public String name() {
    return TempoSettings.COULEUR_TEMPO;
  }

  @Override
  public TodayAndTomorrow colours(LocalDate today) throws ProviderFailure {
    return new TodayAndTomorrow(today, colourOf(today), colourOf(today.plusDays(1)));
  }

  private TempoColour colourOf(LocalDate day) throws ProviderFailure {
    URI uri = TempoSettings.resolve(baseUrl, "jourTempo/" + day);
    TempoHttp.Answer answer = http.send(http.request(uri).GET().build(), "api-couleur-tempo");
    if (answer.status() != 200) {
      throw TempoHttp.unexpected("api-couleur-tempo", answer);
    }
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (JacksonException e) {
      throw ProviderFailure.retryable("api-couleur-tempo answered something that is not JSON");
    }
    String date = body.path("dateJour").asString("");
    if (!date.equals(day.toString())) {
      throw ProviderFailure.retryable(
          "api-couleur-tempo answered for " + date + " when asked for " + day);
    }
    // codeJour: 0 unknown, 1 blue, 2 white, 3 red
    return switch (body.path("codeJour").asInt(0)) {
      case 1 -> TempoColour.BLUE;
      case 2 -> TempoColour.WHITE;
      case 3 -> TempoColour.RED;
      default -> TempoColour.UNKNOWN;
    };
  }
}
