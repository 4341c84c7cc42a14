package fr.marstek.automation.notify;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.ChannelSettings;
import fr.marstek.automation.notify.channel.NoticeLevel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Notification settings: language, which events with which level ({@code
 * NOTIFY_EVENTS=offline,back:info,drift:critical}), pace, retries, and how to reach the services.
 */
public record NotifySettings(
    Language language,
    Map<NoticeKind, NoticeLevel> events,
    int maxPerHour,
    int queueSize,
    Duration firstRetry,
    int attempts,
    ChannelSettings channels) {

  static final String ALL_EVENTS =
      Arrays.stream(NoticeKind.values())
          .filter(k -> k != NoticeKind.TEST)
          .map(NoticeKind::settingName)
          .collect(Collectors.joining(","));

  /**
   * Commas or spaces between NOTIFY_EVENTS items. A stray separator at either end ({@code plan,} as
   * {@code ,plan}) leaves an empty item, which is skipped: it names no event.
   */
  private static final Pattern EVENT_SEPARATORS = Pattern.compile("[,\\s]+");

  public NotifySettings {
    events = Map.copyOf(events);
  }

  public static NotifySettings from(Variables variables) {
    WatchSettings.from(variables); // the watches' hours and delays are checked with the rest
    Language language =
        variables.get(
            "NOTIFICATION_LANGUAGE",
            Language.FR,
            "fr or en",
            v -> Language.valueOf(v.toUpperCase(Locale.ROOT)));
    Map<NoticeKind, NoticeLevel> events = events(variables);
    int perHour = variables.integer("NOTIFY_MAX_PER_HOUR", 20, 1, 1000, "a number 1-1000");
    int queue = variables.integer("NOTIFY_QUEUE_SIZE", 100, 1, 10_000, "a number 1-10000");
    int retryMs =
        variables.integer(
            "NOTIFY_RETRY_DELAY_MS", 30_000, 10, 3_600_000, "milliseconds 10-3600000");
    int attempts = variables.integer("NOTIFY_ATTEMPTS", 4, 1, 20, "a number of attempts 1-20");
    int timeout = variables.integer("NOTIFY_TIMEOUT_SECONDS", 15, 1, 300, "seconds 1-300");
    var channels =
        new ChannelSettings(
            baseUrls(variables),
            variables
                .text("APPRISE_API_URL")
                .map(
                    raw ->
                        variables.get(
                            "APPRISE_API_URL",
                            null,
                            "an http:// or https:// URL",
                            NotifySettings::http)),
            appriseCommand(variables),
            Duration.ofSeconds(timeout));
    return new NotifySettings(
        language, events, perHour, queue, Duration.ofMillis(retryMs), attempts, channels);
  }

  private static Map<NoticeKind, NoticeLevel> events(Variables variables) {
    String raw = variables.text("NOTIFY_EVENTS").orElse(ALL_EVENTS).toLowerCase(Locale.ROOT);
    Map<NoticeKind, NoticeLevel> events = new EnumMap<>(NoticeKind.class);
    events.put(NoticeKind.TEST, NoticeLevel.INFO);
    if (raw.equals("none")) {
      return events;
    }
    for (String item : EVENT_SEPARATORS.split(raw, -1)) {
      if (item.isEmpty()) {
        continue;
      }
      String[] parts = item.split(":", 2);
      var kind = NoticeKind.bySettingName(parts[0]).filter(k -> k != NoticeKind.TEST);
      if (kind.isEmpty()) {
        variables.problem(
            "NOTIFY_EVENTS",
            item,
            "a list of "
                + ALL_EVENTS
                + " (each may end with :info,"
                + " :warning or :critical), or none");
        continue;
      }
      try {
        events.put(
            kind.get(),
            parts.length == 2 ? NoticeLevel.parse(parts[1]) : kind.get().defaultLevel());
      } catch (IllegalArgumentException e) {
        variables.problem("NOTIFY_EVENTS", item, "a level info, warning or critical after ':'");
      }
    }
    return events;
  }

  private static Map<String, URI> baseUrls(Variables variables) {
    Map<String, URI> overrides = new LinkedHashMap<>();
    String raw = variables.text("NOTIFY_BASE_URL_OVERRIDES").orElse("");
    for (String item : raw.split("[,\\s]+", -1)) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.split("=", 2);
      if (parts.length != 2
          || !ChannelSettings.DEFAULT_BASE_URLS.containsKey(parts[0])
          || !parts[1].matches("https?://.+")) {
        variables.problem(
            "NOTIFY_BASE_URL_OVERRIDES",
            item,
            "service=http(s)://base entries for the services "
                + ChannelSettings.DEFAULT_BASE_URLS.keySet().stream()
                    .sorted()
                    .collect(Collectors.joining(", ")));
        continue;
      }
      overrides.put(parts[0], URI.create(parts[1]));
    }
    return overrides;
  }

  private static Optional<Path> appriseCommand(Variables variables) {
    Optional<String> configured = variables.text("APPRISE_COMMAND");
    String name = configured.orElse("apprise");
    Optional<Path> found =
        name.contains("/")
            ? Optional.of(Path.of(name)).filter(Files::isExecutable)
            : Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    if (configured.isPresent() && found.isEmpty()) {
      variables.problem("APPRISE_COMMAND", name, "the path of the installed apprise command");
    }
    return found;
  }

  private static URI http(String raw) {
    if (!raw.matches("https?://[^\\s]+")) {
      throw new IllegalArgumentException("not http");
    }
    return URI.create(raw);
  }
}
