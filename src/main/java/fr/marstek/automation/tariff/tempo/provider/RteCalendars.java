package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads RTE's {@code tempo_like_calendars} answer in every shape seen (tempo.md §2.3): object or
 * array of calendars, {@code values} array or single object, entries without {@code value}.
 */
final class RteCalendars {

  private RteCalendars() {}

  /**
   * One RTE entry: the midnight-to-midnight interval starting on {@code day} carries the colour of
   * Tempo day {@code day} (06:00 to 06:00).
   */
  record Day(LocalDate day, TempoColour colour, boolean fallback) {}

  static List<Day> parse(String body, ObjectMapper json) throws ProviderFailure {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw ProviderFailure.retryable("RTE answered something that is not JSON");
    }
    JsonNode calendars = root.path("tempo_like_calendars");
    if (calendars.isMissingNode()) {
      throw ProviderFailure.retryable("RTE's answer has no tempo_like_calendars");
    }
    List<Day> days = new ArrayList<>();
    for (JsonNode calendar : asList(calendars)) {
      for (JsonNode value : asList(calendar.path("values"))) {
        days.add(day(value));
      }
    }
    days.sort(Comparator.comparing(Day::day));
    return days;
  }

  private static Day day(JsonNode value) throws ProviderFailure {
    LocalDate day;
    try {
      day = OffsetDateTime.parse(value.path("start_date").asString("")).toLocalDate();
    } catch (DateTimeParseException e) {
      throw ProviderFailure.retryable(
          "RTE sent a value with an unreadable start_date: " + value.path("start_date"));
    }
    JsonNode fallback = value.path("fallback");
    boolean degraded =
        fallback.isBoolean()
            ? fallback.asBoolean()
            : "true".equalsIgnoreCase(fallback.asString(""));
    return new Day(day, colour(value.path("value").asString("")), degraded);
  }

  private static TempoColour colour(String value) {
    return switch (value) {
      case "BLUE" -> TempoColour.BLUE;
      case "WHITE" -> TempoColour.WHITE;
      case "RED" -> TempoColour.RED;
      default -> TempoColour.UNKNOWN;
    };
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> nodes = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(nodes::add);
    } else if (node.isObject()) {
      nodes.add(node);
    }
    return nodes;
  }
}
