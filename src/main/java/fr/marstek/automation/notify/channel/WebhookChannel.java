package fr.marstek.automation.notify.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Apprise's generic webhooks: {@code json[s]://} and {@code form[s]://[user:pass@]host[:port]/path}
 * with {@code version}, {@code title}, {@code message}, {@code type}; {@code +Header=value}, {@code
 * -param=value}, {@code :field=value} and {@code method=PUT} as in Apprise.
 */
final class WebhookChannel implements Channel {

  private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "GET", "DELETE");

  private final AppriseUrl url;
  private final boolean json;
  private final String method;
  private final HttpDelivery http;

  private WebhookChannel(AppriseUrl url, boolean json, String method, HttpDelivery http) {
    this.url = url;
    this.json = json;
    this.method = method;
    this.http = http;
  }

  static WebhookChannel of(AppriseUrl url, boolean json, HttpDelivery http)
      throws InvalidNotificationUrl {
    if (url.host().isEmpty()) {
      throw new InvalidNotificationUrl(
          url.scheme() + ":// needs a host, as in " + url.scheme() + "://hostname/path");
    }
    String method = url.option("method").orElse("POST").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidNotificationUrl(url.scheme() + ":// method must be one of " + METHODS);
    }
    return new WebhookChannel(url, json, method, http);
  }

  @Override
  public MaskedUrl url() {
    return new MaskedUrl(
        url.scheme() + "://" + url.maskedAuthority() + "/" + String.join("/", url.path()));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("version", "1.0");
    payload.put("title", message.title());
    payload.put("message", message.body());
    if (json) {
      payload.put("attachments", List.of());
    }
    payload.put("type", level.appriseType());
    payload.putAll(url.payload());
    Map<String, String> headers = new LinkedHashMap<>();
    url.user().ifPresent(u -> headers.putAll(HttpDelivery.basicAuth(u, url.password().orElse(""))));
    headers.putAll(url.headers());
    String target =
        url.httpBase()
            + "/"
            + String.join("/", url.path().stream().map(HttpDelivery::encode).toList());
    if (!url.parameters().isEmpty()) {
      target += "?" + HttpDelivery.form(url.parameters());
    }
    if (json) {
      http.send(method, target, "application/json", jsonText(payload), headers);
    } else {
      Map<String, String> fields =
          payload.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e -> String.valueOf(e.getValue()),
                      (a, b) -> b,
                      LinkedHashMap::new));
      http.send(
          method, target, "application/x-www-form-urlencoded", HttpDelivery.form(fields), headers);
    }
  }

  private String jsonText(Map<String, Object> payload) {
    return http.json().writeValueAsString(payload);
  }
}
