package fr.marstek.automation.tariff.tempo.provider;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColourProvider;
import fr.marstek.automation.tariff.tempo.TodayAndTomorrow;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** RTE's official "Tempo Like Supply Contract" API, with OAuth2 client credentials. */
final class RteOfficialProvider implements TempoColourProvider {

  static final DateTimeFormatter RTE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final TempoHttp http;
  private final ObjectMapper json;
  private final RteToken token;
  private final URI calendars;

  RteOfficialProvider(TempoHttp http, ObjectMapper json, RteToken token, URI apiUrl) {
    this.http = http;
    this.json = json;
    this.token = token;
    this.calendars = TempoSettings.resolve(apiUrl, "tempo_like_calendars");
  }

  @Override
  public String name() {
    return TempoSettings.RTE;
  }

  @Override
  public TodayAndTomorrow colours(LocalDate today) throws ProviderFailure {
    URI uri = URI.create(calendars + "?" + query(today));
    TempoHttp.Answer answer = call(uri);
    if (answer.status() == 401) {
      token.invalidate();
      answer = call(uri);
      if (answer.status() == 401) {
        throw ProviderFailure.permanent(
            "RTE refused a fresh token (HTTP 401): check RTE_CLIENT_ID/RTE_CLIENT_SECRET");
      }
    }
    if (answer.status() != 200) {
      throw RteErrors.failureOf(answer, json);
    }
    List<RteCalendars.Day> days = RteCalendars.parse(answer.body(), json);
    return new TodayAndTomorrow(today, colourOf(days, today), colourOf(days, today.plusDays(1)));
  }

  /** Local midnight of today to local midnight of today + 2 (end exclusive), Paris offsets. */
  static String query(LocalDate today) {
    return "start_date="
        + encode(today)
        + "&end_date="
        + encode(today.plusDays(2))
        + "&fallback_status=true";
  }

  private static String encode(LocalDate day) {
    String date = day.atStartOfDay(PARIS).toOffsetDateTime().format(RTE_DATE);
    // only the offset's '+' needs encoding (a raw one reads as a space, F06); colons stay as RTE
    // shows
    return date.replace("+", "%2B");
  }

  private static TempoColour colourOf(List<RteCalendars.Day> days, LocalDate day) {
    return days.stream()
        .filter(d -> d.day().equals(day))
        .map(RteCalendars.Day::colour)
        .findFirst()
        .orElse(TempoColour.UNKNOWN);
  }

  private TempoHttp.Answer call(URI uri) throws ProviderFailure {
    HttpRequest request =
        http.request(uri).header("Authorization", "Bearer " + token.current()).GET().build();
    return http.send(request, "RTE Tempo API");
  }
}
