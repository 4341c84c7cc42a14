package fr.marstek.automation.notify.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code slack://[botname@]TokenA/TokenB/TokenC[/#channel]} (incoming webhook) or {@code
 * slack://[botname@]xoxb-token/#channel} (bot, chat.postMessage).
 */
final class SlackChannel implements Channel {

  private final AppriseUrl url;
  private final List<String> tokens;
  private final List<String> channels;
  private final String base;
  private final HttpDelivery http;

  private SlackChannel(
      AppriseUrl url, List<String> tokens, List<String> channels, String base, HttpDelivery http) {
    this.url = url;
    this.tokens = List.copyOf(tokens);
    this.channels = List.copyOf(channels);
    this.base = base;
    this.http = http;
  }

  static SlackChannel of(AppriseUrl url, ChannelSettings settings, HttpDelivery http)
      throws InvalidNotificationUrl {
    List<String> parts = new ArrayList<>();
    parts.add(url.host());
    parts.addAll(url.path());
    if (url.host().matches("(?i)xox[abp]-[A-Z0-9-]+")) {
      List<String> channels = new ArrayList<>(parts.subList(1, parts.size()));
      channels.addAll(url.listOption("to"));
      if (channels.isEmpty()) {
        throw new InvalidNotificationUrl(
            "slack:// with a bot token needs a channel, as in slack://xoxb-token/#general");
      }
      return new SlackChannel(url, List.of(url.host()), channels, settings.base("slack-api"), http);
    }
    if (parts.size() < 3 || !parts.stream().limit(3).allMatch(p -> p.matches("[A-Za-z0-9]+"))) {
      throw new InvalidNotificationUrl(
          "slack:// needs the webhook's three tokens, as in slack://TokenA/TokenB/TokenC");
    }
    List<String> channels = new ArrayList<>(parts.subList(3, parts.size()));
    channels.addAll(url.listOption("to"));
    return new SlackChannel(url, parts.subList(0, 3), channels, settings.base("slack"), http);
  }

  private boolean bot() {
    return tokens.size() == 1;
  }

  @Override
  public MaskedUrl url() {
    String name = url.user().map(u -> u + "@").orElse("");
    String hidden = bot() ? MaskedUrl.hide(tokens.getFirst()) : tokens.getFirst() + "/****/****";
    String rest = channels.isEmpty() ? "" : "/" + String.join("/", channels);
    return new MaskedUrl("slack://" + name + hidden + rest);
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("title", message.title());
    attachment.put("text", message.body());
    attachment.put("color", colour(level));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("username", url.user().orElse("Marstek Automation"));
    payload.put("mrkdwn", false);
    payload.put("attachments", List.of(attachment));
    if (bot()) {
      for (String channel : channels) {
        payload.put("channel", channel.startsWith("#") ? channel.substring(1) : channel);
        String reply =
            http.postJson(
                base + "/api/chat.postMessage",
                payload,
                Map.of("Authorization", "Bearer " + tokens.getFirst()));
        if (!reply.replace(" ", "").contains("\"ok\":true")) {
          throw new DeliveryFailed("Slack refused the message for channel " + channel);
        }
      }
      return;
    }
    String hook = base + "/services/" + String.join("/", tokens);
    if (channels.isEmpty()) {
      http.postJson(hook, payload, Map.of());
    }
    for (String channel : channels) {
      payload.put("channel", channel);
      http.postJson(hook, payload, Map.of());
    }
  }

  private static String colour(NoticeLevel level) {
    return switch (level) {
      case INFO -> "#3AA3E3";
      case WARNING -> "#CACF29";
      case CRITICAL -> "#A32037";
    };
  }
}
