package fr.marstek.automation.config;

import java.util.Locale;

/** Keeps secrets out of messages: a value whose variable name says it is secret is masked. */
public final class Secrets {

  private Secrets() {}

  public static boolean isSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.contains("PASSWORD")
        || n.contains("SECRET")
        || n.contains("TOKEN")
        || n.contains("NOTIFICATION_URLS")
        || n.equals("DATABASE_URL");
  }

  public static String maskIfSecret(String name, String value) {
    return isSecret(name) ? mask(value) : value;
  }

  /** Shows only the length, so a user can tell an empty value from a long one. */
  public static String mask(String value) {
    return "****(" + value.length() + " chars)";
  }
}
