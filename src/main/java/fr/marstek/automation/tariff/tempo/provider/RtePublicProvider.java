package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColourProvider;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * RTE's public website JSON (no credentials, undocumented): {@code tempoLight} for recent days,
 * then the whole season when today is not in it.
 */
final class RtePublicProvider implements TempoColourProvider {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final TempoHttp http;
  private final ObjectMapper json;
  private final URI baseUrl;

  RtePublicProvider(TempoHttp http, ObjectMapper json, URI baseUrl) {
    this.http = http;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  @Override
  public String name() {
    return TempoSettings.RTE_PUBLIC;
  }

  @Override
  public TodayAndTomorrow colours(LocalDate today) throws ProviderFailure {
    Map<LocalDate, TempoColour> days = fetch(TempoSettings.resolve(baseUrl, "tempoLight"));
    if (!days.containsKey(today)) {
      days.putAll(fetch(TempoSettings.resolve(baseUrl, "tempo?season=" + TempoSeason.of(today))));
    }
    return new TodayAndTomorrow(
        today,
        days.getOrDefault(today, TempoColour.UNKNOWN),
        days.getOrDefault(today.plusDays(1), TempoColour.UNKNOWN));
  }

  private Map<LocalDate, TempoColour> fetch(URI uri) throws ProviderFailure {
    TempoHttp.Answer answer = http.send(http.request(uri).GET().build(), "RTE public JSON");
    if (answer.status() != 200) {
      throw TempoHttp.unexpected("RTE public JSON", answer);
    }
    JsonNode values;
    try {
      values = json.readTree(answer.body()).path("values");
    } catch (JacksonException e) {
      throw ProviderFailure.retryable("RTE public JSON answered something that is not JSON");
    }
    if (!values.isObject()) {
      throw ProviderFailure.retryable("RTE public JSON has no \"values\" object");
    }
    Map<LocalDate, TempoColour> days = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      if (DATE.matcher(e.getKey()).matches()) {
        days.put(LocalDate.parse(e.getKey()), colour(e.getValue().asString("")));
      }
    }
    return days;
  }

  private static TempoColour colour(String value) {
    return switch (value) {
      case "BLUE" -> TempoColour.BLUE;
      case "WHITE" -> TempoColour.WHITE;
      case "RED" -> TempoColour.RED;
      default -> TempoColour.UNKNOWN;
    };
  }
}
