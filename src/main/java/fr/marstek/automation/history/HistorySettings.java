package fr.marstek.automation.history;

import fr.marstek.automation.config.Variables;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Where history lives and how long it is kept: {@code DATABASE_URL} (PostgreSQL, either {@code
 * jdbc:postgresql://...} or {@code postgres://user:pass@host/db}) with {@code POSTGRES_USER} and
 * {@code POSTGRES_PASSWORD} used when the URL has none, else the SQLite file {@code DATABASE_FILE};
 * {@code HISTORY_RETENTION_DAYS} for raw samples, {@code HISTORY_ROLLUP_RETENTION_DAYS} for hourly
 * rollups (daily rollups are kept); {@code DATABASE_TIMEOUT_SECONDS} for the longest a statement, a
 * lock or a silent network may hold a database call.
 */
public record HistorySettings(
    String jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    Duration rawRetention,
    Duration hourlyRetention,
    Duration timeout) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  HistorySettings(
      String jdbcUrl,
      Optional<String> user,
      Optional<String> password,
      Duration rawRetention,
      Duration hourlyRetention) {
    this(jdbcUrl, user, password, rawRetention, hourlyRetention, DEFAULT_TIMEOUT);
  }

  static final String DEFAULT_FILE = "./marstek-automation.db";
  private static final String EXPECTED_URL =
      "jdbc:postgresql://host:5432/db, postgres://user:password@host:5432/db or jdbc:sqlite:file";

  boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  public static HistorySettings from(Variables variables) {
    Duration timeout =
        Duration.ofSeconds(
            variables.integer(
                "DATABASE_TIMEOUT_SECONDS",
                30,
                1,
                3600,
                "seconds a database call may take 1-3600"));
    return parse(variables).withTimeout(timeout);
  }

  private HistorySettings withTimeout(Duration limit) {
    String url =
        jdbcUrl.startsWith("jdbc:sqlite:")
            ? jdbcUrl.replace("busy_timeout=5000", "busy_timeout=" + limit.toMillis())
            : jdbcUrl;
    return new HistorySettings(url, user, password, rawRetention, hourlyRetention, limit);
  }

  private static HistorySettings parse(Variables variables) {
    Duration raw =
        Duration.ofDays(
            variables.integer("HISTORY_RETENTION_DAYS", 90, 1, 36_500, "a number of days 1-36500"));
    Duration hourly =
        Duration.ofDays(
            variables.integer(
                "HISTORY_ROLLUP_RETENTION_DAYS", 1830, 1, 36_500, "a number of days 1-36500"));
    Optional<String> user = variables.text("POSTGRES_USER");
    Optional<String> password = variables.text("POSTGRES_PASSWORD");
    Optional<String> url = variables.text("DATABASE_URL");
    if (url.isEmpty()) {
      String file = variables.text("DATABASE_FILE").orElse(DEFAULT_FILE);
      return new HistorySettings(sqliteUrl(file), Optional.empty(), Optional.empty(), raw, hourly);
    }
    String text = url.get();
    if (text.startsWith("jdbc:sqlite:")) {
      return new HistorySettings(text, Optional.empty(), Optional.empty(), raw, hourly);
    }
    if (text.startsWith("jdbc:postgresql://")) {
      boolean userInUrl = text.matches(".*[?&]user=.*");
      boolean passwordInUrl = text.matches(".*[?&]password=.*");
      return new HistorySettings(
          text,
          userInUrl ? Optional.empty() : user,
          passwordInUrl ? Optional.empty() : password,
          raw,
          hourly);
    }
    if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
      try {
        return fromUri(URI.create(text), user, password, raw, hourly);
      } catch (IllegalArgumentException e) {
        variables.problem("DATABASE_URL", text, EXPECTED_URL);
      }
    } else {
      variables.problem("DATABASE_URL", text, EXPECTED_URL);
    }
    return new HistorySettings(sqliteUrl(DEFAULT_FILE), user, password, raw, hourly);
  }

  static String sqliteUrl(String file) {
    return "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=5000";
  }

  private static HistorySettings fromUri(
      URI uri, Optional<String> user, Optional<String> password, Duration raw, Duration hourly) {
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException("host and database name are required");
    }
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query;
    Optional<String> urlUser = Optional.empty();
    Optional<String> urlPassword = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      urlUser = Optional.of(decode(parts[0])).filter(s -> !s.isEmpty());
      if (parts.length == 2) {
        urlPassword = Optional.of(decode(parts[1]));
      }
    }
    return new HistorySettings(
        jdbc, urlUser.or(() -> user), urlPassword.or(() -> password), raw, hourly);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Which database and which variables to check when it cannot be reached: no secret in it. */
  String whereToLook() {
    if (isPostgres()) {
      String address = jdbcUrl.substring("jdbc:postgresql://".length()).replaceAll("[?].*", "");
      return "check that PostgreSQL runs at "
          + address
          + " and accepts the user and password given by DATABASE_URL (or POSTGRES_USER and"
          + " POSTGRES_PASSWORD)";
    }
    String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceAll("[?].*", "");
    return "check DATABASE_FILE: the folder of "
        + file
        + " must exist and be writable by the service's user";
  }

  @Override
  public String toString() {
    return "HistorySettings[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + "]";
  }
}
