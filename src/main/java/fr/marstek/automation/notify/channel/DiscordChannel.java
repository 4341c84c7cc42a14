package fr.marstek.automation.notify.channel;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code discord://[botname@]webhook_id/webhook_token?tts=no}: the channel's incoming webhook. */
final class DiscordChannel implements Channel {

  private final String id;
  private final String token;
  private final AppriseUrl url;
  private final String base;
  private final HttpDelivery http;

  private DiscordChannel(String id, String token, AppriseUrl url, String base, HttpDelivery http) {
    this.id = id;
    this.token = token;
    this.url = url;
    this.base = base;
    this.http = http;
  }

  static DiscordChannel of(AppriseUrl url, String base, HttpDelivery http)
      throws InvalidNotificationUrl {
    if (url.host().isEmpty() || url.path().isEmpty()) {
      throw new InvalidNotificationUrl(
          "discord:// needs the webhook id and token, as in discord://webhook_id/webhook_token");
    }
    return new DiscordChannel(url.host(), url.path().getFirst(), url, base, http);
  }

  @Override
  public MaskedUrl url() {
    String bot = url.user().map(u -> u + "@").orElse("");
    return new MaskedUrl("discord://" + bot + id + "/" + MaskedUrl.hide(token));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    boolean tts = url.flag("tts", false);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("tts", tts);
    payload.put("wait", !tts);
    payload.put("content", message.title() + "\r\n" + message.body());
    url.user().or(() -> url.option("botname")).ifPresent(name -> payload.put("username", name));
    http.postJson(base + "/api/webhooks/" + id + "/" + token, payload, Map.of());
  }
}
