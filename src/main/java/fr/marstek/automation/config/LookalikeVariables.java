package fr.marstek.automation.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds variables that look like a battery setting but are not one ({@code BATERY_1_IP}, {@code
 * BATTERY1_IP}, {@code BATTERY_1_ADDRESS}): the service ignores them, and a household whose only
 * battery line has a typo would otherwise get demo mode without a word.
 */
public final class LookalikeVariables {

  /** What follows {@code BATTERY_X_} in every battery setting of {@code .env.example}. */
  static final List<String> BATTERY_SETTINGS =
      List.of(
          "IP",
          "PORT",
          "PROTOCOL",
          "MODBUS_UNIT",
          "MODBUS_PROFILE",
          "MODBUS_HOST",
          "MODBUS_PORT",
          "RESERVE_SOC",
          "MAX_CHARGE_W",
          "MAX_DISCHARGE_W");

  private static final String BATTERY = "BATTERY";
  private static final Pattern KNOWN =
      Pattern.compile("BATTERY_\\d+_(?:" + String.join("|", BATTERY_SETTINGS) + ")");

  /** A word, a number and the rest, with or without underscores: BATERY_1_IP, BATTERY1IP. */
  private static final Pattern SHAPE = Pattern.compile("([A-Z]+)_?(\\d+)_?([A-Z0-9_]*)");

  private LookalikeVariables() {}

  /** One warning per suspicious name: what is wrong, that it is ignored, and what to write. */
  public static List<String> in(Collection<String> names) {
    List<String> warnings = new ArrayList<>();
    for (String name : names.stream().sorted().toList()) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (KNOWN.matcher(name).matches()) {
        continue;
      }
      Matcher shape = SHAPE.matcher(upper);
      if (shape.matches() && distance(shape.group(1), BATTERY) <= 2) {
        String setting = closest(shape.group(3));
        String hint =
            setting == null
                ? "a battery setting is BATTERY_X_ followed by one of "
                    + String.join(", ", BATTERY_SETTINGS)
                : "did you mean BATTERY_" + Integer.parseInt(shape.group(2)) + "_" + setting + "?";
        warnings.add(name + " is not a setting this service reads, so it is ignored: " + hint);
      } else if (upper.startsWith(BATTERY + "_") || upper.startsWith("BATERY_")) {
        warnings.add(
            name
                + " is not a setting this service reads, so it is ignored: a battery setting is"
                + " BATTERY_X_ followed by one of "
                + String.join(", ", BATTERY_SETTINGS)
                + " (X = 1, 2, 3, ...)");
      }
    }
    return warnings;
  }

  private static String closest(String typed) {
    if (typed.isEmpty()) {
      return null;
    }
    return BATTERY_SETTINGS.stream()
        .filter(s -> distance(s, typed) <= Math.max(1, s.length() / 3))
        .min(Comparator.comparingInt(s -> distance(s, typed)))
        .orElse(null);
  }

  // Hand-written Levenshtein distance: ten lines, not worth a dependency such as commons-text.
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
