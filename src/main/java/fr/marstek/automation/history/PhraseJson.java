package fr.marstek.automation.history;

import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A phrase as stored in history, so that it is written in each reader's language when read: {@code
 * {"key":"reason.charged","args":[{"percent":100.0}]}}, one property per argument naming its type.
 */
final class PhraseJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PhraseJson() {}

  static String write(Phrase phrase) {
    return JSON.writeValueAsString(node(phrase));
  }

  /** The stored phrase, or empty when the text is not one (then the row's plain text is shown). */
  static Optional<Phrase> read(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(phrase(JSON.readTree(json)));
    } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode node(Phrase phrase) {
    ObjectNode node = NODES.objectNode();
    node.put("key", phrase.key());
    ArrayNode args = node.putArray("args");
    phrase.args().forEach(a -> args.add(node(a)));
    return node;
  }

  private static ObjectNode node(Arg arg) {
    ObjectNode node = NODES.objectNode();
    switch (arg) {
      case Arg.Count c -> node.put("count", c.value());
      case Arg.Power p -> node.put("watts", p.watts());
      case Arg.Share s -> node.put("percent", s.percent());
      case Arg.PricePerKwh p -> node.put("eurPerKwh", p.eur());
      case Arg.Money m -> node.put("euros", m.eur());
      case Arg.Energy e -> node.put("wattHours", e.wattHours());
      case Arg.Term t -> node.put("term", t.key());
      case Arg.ClockTime t -> node.put("time", t.time().toString());
      case Arg.Day d -> node.put("day", d.day().toString());
      case Arg.Moment m -> node.put("moment", m.at().toString());
      case Arg.Span s -> node.put("span", s.duration().toString());
      case Arg.Weekdays w -> {
        ArrayNode days = node.putArray("weekdays");
        w.days().stream().sorted().forEach(d -> days.add(d.getValue()));
      }
      case Arg.Text t -> node.put("text", t.text());
      case Arg.Nested n -> node.set("phrase", node(n.phrase()));
    }
    return node;
  }

  private static Phrase phrase(JsonNode node) {
    String key = node.required("key").asString();
    List<Arg> args = new ArrayList<>();
    for (JsonNode arg : node.path("args")) {
      args.add(arg(arg));
    }
    return new Phrase(key, args);
  }

  private static Arg arg(JsonNode node) {
    Map.Entry<String, JsonNode> only = node.properties().iterator().next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "count" -> Arg.count(v.asLong());
      case "watts" -> Arg.watts(v.asDouble());
      case "percent" -> Arg.percent(v.asDouble());
      case "eurPerKwh" -> Arg.eurPerKwh(v.asDouble());
      case "euros" -> Arg.euros(v.asDouble());
      case "wattHours" -> new Arg.Energy(v.asDouble());
      case "term" -> Arg.term(v.asString());
      case "time" -> Arg.time(LocalTime.parse(v.asString()));
      case "day" -> Arg.day(LocalDate.parse(v.asString()));
      case "moment" -> Arg.moment(Instant.parse(v.asString()));
      case "span" -> Arg.span(Duration.parse(v.asString()));
      case "weekdays" -> Arg.weekdays(weekdays(v));
      case "phrase" -> Arg.phrase(phrase(v));
      // "text", and any type a newer version wrote: kept as it reads
      default -> Arg.text(v.isString() ? v.asString() : v.toString());
    };
  }

  private static Set<DayOfWeek> weekdays(JsonNode days) {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    days.forEach(d -> set.add(DayOfWeek.of(d.asInt())));
    return set;
  }
}
