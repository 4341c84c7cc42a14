package fr.marstek.automation.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The household's settings by their documented variable names ({@code BATTERY_1_IP}, ...). Each
 * read either returns a valid value or records a problem; {@link #check()} then reports every
 * problem at once, so a user fixes their {@code .env} in one go.
 */
public final class Variables {

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  public Variables(Map<String, String> values) {
    this.values = new TreeMap<>(values);
  }

  /** The raw value, trimmed; blank counts as unset, as in a {@code .env} line {@code X=}. */
  public Optional<String> text(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** Names matching the pattern, such as {@code BATTERY_(\d+)_IP}, with their first group. */
  public Map<String, String> matching(Pattern pattern) {
    Map<String, String> found = new TreeMap<>();
    for (String name : values.keySet()) {
      Matcher matcher = pattern.matcher(name);
      if (matcher.matches()) {
        found.put(name, matcher.group(1));
      }
    }
    return found;
  }

  public Set<String> names() {
    return values.keySet();
  }

  /**
   * Parses a variable; on a bad value records {@code NAME=value: expected ...} and returns the
   * default so that reading can go on and find the other mistakes too.
   */
  public <T> T get(String name, T fallback, String expected, Function<String, T> parser) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      T value = parser.apply(raw.get());
      if (value == null) {
        throw new IllegalArgumentException("no value");
      }
      return value;
    } catch (RuntimeException e) {
      problem(name, raw.get(), expected);
      return fallback;
    }
  }

  public int integer(String name, int fallback, int min, int max, String expected) {
    return get(
        name,
        fallback,
        expected,
        raw -> {
          int value = Integer.parseInt(raw);
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        });
  }

  public int port(String name, int fallback) {
    return integer(name, fallback, 1, 65535, "a UDP port 1-65535");
  }

  public int hour(String name, int fallback) {
    return integer(name, fallback, 0, 23, "an hour of the day 0-23");
  }

  public boolean flag(String name, boolean fallback) {
    return get(name, fallback, "true or false", Variables::parseFlag);
  }

  /** Records a problem found by a check that spans several variables. */
  public void problem(String name, String value, String expected) {
    String problem = name + "=" + Secrets.maskIfSecret(name, value) + ": expected " + expected;
    // two features reading the same variable (TEMPO_ENABLED) report its mistake once
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws one exception that lists every problem recorded so far. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration(problems);
    }
  }

  private static Boolean parseFlag(String raw) {
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException("not a flag");
    };
  }
}
