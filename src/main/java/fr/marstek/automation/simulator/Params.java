package fr.marstek.automation.simulator;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Strict reads of request fields; anything missing or ill-typed is {@link InvalidParams}. */
final class Params {

  private static final Pattern HOUR_MINUTE = Pattern.compile("(\\d{2}):(\\d{2})");

  private Params() {}

  static JsonNode object(JsonNode parent, String name) throws InvalidParams {
    JsonNode node = parent.path(name);
    if (!node.isObject()) {
      throw new InvalidParams(name + " must be an object");
    }
    return node;
  }

  static String text(JsonNode parent, String name) throws InvalidParams {
    JsonNode node = parent.path(name);
    if (!node.isString()) {
      throw new InvalidParams(name + " must be a string");
    }
    return node.stringValue();
  }

  static int integer(JsonNode parent, String name, int min, int max) throws InvalidParams {
    JsonNode node = parent.path(name);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new InvalidParams(name + " must be an integer");
    }
    int value = node.intValue();
    if (value < min || value > max) {
      throw new InvalidParams(name + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  /** {@code "HH:MM"}, 24 h, zero-padded. */
  static LocalTime time(JsonNode parent, String name) throws InvalidParams {
    var matcher = HOUR_MINUTE.matcher(text(parent, name));
    if (!matcher.matches()) {
      throw new InvalidParams(name + " must be HH:MM");
    }
    try {
      return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    } catch (DateTimeException e) {
      throw new InvalidParams(name + " is not a time of day");
    }
  }
}
