package fr.marstek.automation.notify.channel;

import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** Turns each {@code NOTIFICATION_URLS} entry into its channel, or says why it cannot. */
public final class Channels {

  /** The schemes spoken without Apprise. */
  public static final List<String> NATIVE_SCHEMES =
      List.of(
          "tgram", "mailto", "mailtos", "ntfy", "ntfys", "gotify", "gotifys", "discord", "slack",
          "pover", "json", "jsons", "form", "forms");

  private final ChannelSettings settings;
  private final HttpDelivery http;

  public Channels(ChannelSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.http = new HttpDelivery(json, settings.timeout());
  }

  public Channel create(String raw) throws InvalidNotificationUrl {
    AppriseUrl url = AppriseUrl.parse(raw);
    return switch (url.scheme()) {
      case "tgram" -> TelegramChannel.of(url, settings.base("tgram"), http);
      case "mailto", "mailtos" -> EmailChannel.of(url, settings.timeout());
      case "ntfy", "ntfys" -> NtfyChannel.of(url, settings.base("ntfy"), http);
      case "gotify", "gotifys" -> GotifyChannel.of(url, http);
      case "discord" -> DiscordChannel.of(url, settings.base("discord"), http);
      case "slack" -> SlackChannel.of(url, settings, http);
      case "pover" -> PushoverChannel.of(url, settings.base("pover"), http);
      case "json", "jsons" -> WebhookChannel.of(url, true, http);
      case "form", "forms" -> WebhookChannel.of(url, false, http);
      default -> viaApprise(raw, url);
    };
  }

  private Channel viaApprise(String raw, AppriseUrl url) throws InvalidNotificationUrl {
    if (settings.appriseApi().isEmpty() && settings.appriseCommand().isEmpty()) {
      throw new InvalidNotificationUrl(
          url.scheme()
              + ":// is not supported here; supported: "
              + String.join(", ", NATIVE_SCHEMES)
              + ". Other Apprise schemes need APPRISE_API_URL or the apprise command installed");
    }
    return new AppriseChannel(
        raw,
        url,
        settings.appriseApi().orElse(null),
        settings.appriseCommand().orElse(null),
        settings.timeout(),
        http);
  }
}
