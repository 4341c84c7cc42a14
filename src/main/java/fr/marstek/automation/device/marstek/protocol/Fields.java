package fr.marstek.automation.device.marstek.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/** Reads result fields leniently: numbers as int, float or string; null and absent alike. */
final class Fields {

  private final JsonNode node;
  private final String kind;

  Fields(JsonNode node, String kind) throws MalformedReply {
    if (node == null || !node.isObject()) {
      throw new MalformedReply(kind + " result is not a JSON object");
    }
    this.node = node;
    this.kind = kind;
  }

  OptionalDouble number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return OptionalDouble.empty();
    }
    if (value.isNumber()) {
      // 1e400 reads as infinity: no reading, like a number that cannot be parsed
      double number = value.numberValue().doubleValue();
      return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
    }
    if (value.isString()) {
      try {
        double parsed = Double.parseDouble(value.stringValue().trim());
        return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }
    return OptionalDouble.empty();
  }

  double numberOr(String key, double fallback) {
    return number(key).orElse(fallback);
  }

  double required(String key) throws MalformedReply {
    OptionalDouble value = number(key);
    if (value.isEmpty()) {
      throw new MalformedReply(kind + " result has no number in " + key);
    }
    return value.getAsDouble();
  }

  Optional<String> text(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || value.isContainer()) {
      return Optional.empty();
    }
    String text = value.asString().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Booleans also arrive as 0/1 or as strings on some firmware. */
  Optional<Boolean> flag(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isNumber()) {
      return Optional.of(value.numberValue().doubleValue() != 0);
    }
    return text(key)
        .map(t -> t.toLowerCase(Locale.ROOT))
        .filter(t -> t.equals("true") || t.equals("false") || t.equals("1") || t.equals("0"))
        .map(t -> t.equals("true") || t.equals("1"));
  }

  boolean has(String key) {
    return node.has(key);
  }
}
