package fr.marstek.automation.notify.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gotify[s]://host[:port][/path]/token?priority=high}: POST {@code /message} with the app
 * token in {@code X-Gotify-Key}.
 */
final class GotifyChannel implements Channel {

  private static final Map<String, Integer> PRIORITIES =
      Map.of("low", 1, "moderate", 3, "normal", 5, "high", 8, "emergency", 10);

  private final AppriseUrl url;
  private final String token;
  private final String endpoint;
  private final Integer priority;
  private final HttpDelivery http;

  private GotifyChannel(
      AppriseUrl url, String token, String endpoint, Integer priority, HttpDelivery http) {
    this.url = url;
    this.token = token;
    this.endpoint = endpoint;
    this.priority = priority;
    this.http = http;
  }

  static GotifyChannel of(AppriseUrl url, HttpDelivery http) throws InvalidNotificationUrl {
    if (url.host().isEmpty() || url.path().isEmpty()) {
      throw new InvalidNotificationUrl(
          "gotify:// needs the server and the application token, as in gotify://hostname/token");
    }
    List<String> path = url.path();
    String token = path.getLast();
    String prefix = String.join("/", path.subList(0, path.size() - 1));
    String endpoint = url.httpBase() + "/" + (prefix.isEmpty() ? "" : prefix + "/") + "message";
    Integer priority = null;
    if (url.option("priority").isPresent()) {
      String p = url.option("priority").get().toLowerCase(Locale.ROOT);
      priority = p.matches("\\d{1,2}") ? Integer.valueOf(p) : PRIORITIES.get(p);
      if (priority == null) {
        throw new InvalidNotificationUrl(
            "gotify:// priority must be a number or one of " + PRIORITIES.keySet());
      }
    }
    return new GotifyChannel(url, token, endpoint, priority, http);
  }

  @Override
  public MaskedUrl url() {
    String port = url.port().isPresent() ? ":" + url.port().getAsInt() : "";
    List<String> path = url.path();
    String prefix = String.join("/", path.subList(0, path.size() - 1));
    return new MaskedUrl(
        url.scheme()
            + "://"
            + url.host()
            + port
            + "/"
            + (prefix.isEmpty() ? "" : prefix + "/")
            + MaskedUrl.hide(token));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("priority", priority != null ? priority : defaultPriority(level));
    payload.put("title", message.title());
    payload.put("message", message.body());
    http.postJson(endpoint, payload, Map.of("X-Gotify-Key", token));
  }

  private static int defaultPriority(NoticeLevel level) {
    return switch (level) {
      case INFO -> 5;
      case WARNING -> 8;
      case CRITICAL -> 10;
    };
  }
}
