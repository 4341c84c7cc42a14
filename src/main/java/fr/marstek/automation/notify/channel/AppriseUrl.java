package fr.marstek.automation.notify.channel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An Apprise URL split the way Apprise's own parser splits it: {@code
 * schema://user:password@host:port/path?option=value}, with {@code +name} query keys as HTTP
 * headers, {@code -name} as query parameters and {@code :name} as payload fields. Hand-written
 * because {@link java.net.URI} refuses the non-numeric "ports" Apprise URLs contain (Telegram
 * tokens).
 */
record AppriseUrl(
    String scheme,
    String rest,
    Optional<String> user,
    Optional<String> password,
    String host,
    OptionalInt port,
    List<String> path,
    Map<String, String> options,
    Map<String, String> headers,
    Map<String, String> parameters,
    Map<String, String> payload) {

  /** {@code user:****@host:port} as a masked URL shows it: the password hidden, the rest kept. */
  String maskedAuthority() {
    String auth = user.map(u -> u + password.map(p -> ":****").orElse("") + "@").orElse("");
    return auth + host + (port.isPresent() ? ":" + port.getAsInt() : "");
  }

  static AppriseUrl parse(String raw) throws InvalidNotificationUrl {
    int sep = raw.indexOf("://");
    if (sep <= 0) {
      throw new InvalidNotificationUrl("not a URL: expected schema://...");
    }
    String scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
    String afterScheme = raw.substring(sep + 3);
    int q = afterScheme.indexOf('?');
    String rest = q < 0 ? afterScheme : afterScheme.substring(0, q);
    String query = q < 0 ? "" : afterScheme.substring(q + 1);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String pathText = slash < 0 ? "" : rest.substring(slash);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = nonEmpty(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      password = colon < 0 ? Optional.empty() : nonEmpty(decode(userInfo.substring(colon + 1)));
    }
    String host = authority;
    OptionalInt port = OptionalInt.empty();
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && authority.substring(colon + 1).matches("\\d{1,5}")) {
      host = authority.substring(0, colon);
      port = OptionalInt.of(Integer.parseInt(authority.substring(colon + 1)));
    }
    List<String> path =
        Arrays.stream(pathText.split("/", -1))
            .filter(s -> !s.isEmpty())
            .map(AppriseUrl::decode)
            .toList();
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, String> payload = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      switch (key.isEmpty() ? ' ' : key.charAt(0)) {
        case '+' -> headers.put(key.substring(1), value);
        case '-' -> parameters.put(key.substring(1), value);
        case ':' -> payload.put(key.substring(1), value);
        default -> options.put(key.toLowerCase(Locale.ROOT), value);
      }
    }
    return new AppriseUrl(
        scheme,
        rest,
        user,
        password,
        decode(host),
        port,
        path,
        options,
        headers,
        parameters,
        payload);
  }

  boolean secure() {
    return scheme.endsWith("s");
  }

  Optional<String> option(String name) {
    return nonEmpty(options.getOrDefault(name, ""));
  }

  /** Apprise's yes/no options: "yes", "true", "1", "on" mean yes. */
  boolean flag(String name, boolean fallback) {
    return option(name)
        .map(v -> List.of("yes", "true", "1", "on", "y").contains(v.toLowerCase(Locale.ROOT)))
        .orElse(fallback);
  }

  /** A list option such as {@code to=a,b c}, split the way Apprise splits it. */
  List<String> listOption(String name) {
    List<String> items = new ArrayList<>();
    option(name)
        .ifPresent(
            v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(items::add));
    return items;
  }

  String httpBase() {
    return (secure() ? "https://" : "http://")
        + host
        + (port.isPresent() ? ":" + port.getAsInt() : "");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Optional<String> nonEmpty(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
