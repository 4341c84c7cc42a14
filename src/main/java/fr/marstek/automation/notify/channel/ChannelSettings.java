package fr.marstek.automation.notify.channel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What channels need beyond their URL: the services' base URLs (overridable with {@code
 * NOTIFY_BASE_URL_OVERRIDES}, for tests or proxies), how to reach Apprise for other schemes, and
 * the timeout of one attempt.
 */
public record ChannelSettings(
    Map<String, URI> baseUrls,
    Optional<URI> appriseApi,
    Optional<Path> appriseCommand,
    Duration timeout) {

  /** The services whose address is not in the URL, with their public base URL. */
  public static final Map<String, URI> DEFAULT_BASE_URLS =
      Map.of(
          "tgram", URI.create("https://api.telegram.org"),
          "discord", URI.create("https://discord.com"),
          "slack", URI.create("https://hooks.slack.com"),
          "slack-api", URI.create("https://slack.com"),
          "pover", URI.create("https://api.pushover.net"),
          "ntfy", URI.create("https://ntfy.sh"));

  public ChannelSettings {
    baseUrls = Map.copyOf(baseUrls);
  }

  String base(String service) {
    URI uri = baseUrls.getOrDefault(service, DEFAULT_BASE_URLS.get(service));
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
