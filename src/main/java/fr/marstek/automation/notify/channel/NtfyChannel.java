package fr.marstek.automation.notify.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ntfy://topic} (ntfy.sh), {@code ntfy[s]://[user:pass@]host[:port]/topic} (own server):
 * JSON published to the server's root, as Apprise does; {@code priority}, {@code tags}, {@code
 * click} options as headers.
 */
final class NtfyChannel implements Channel {

  private static final List<String> PRIORITIES = List.of("min", "low", "default", "high", "max");

  private final AppriseUrl url;
  private final String base;
  private final List<String> topics;
  private final boolean cloud;
  private final HttpDelivery http;

  private NtfyChannel(
      AppriseUrl url, String base, List<String> topics, boolean cloud, HttpDelivery http) {
    this.url = url;
    this.base = base;
    this.topics = List.copyOf(topics);
    this.cloud = cloud;
    this.http = http;
  }

  static NtfyChannel of(AppriseUrl url, String cloudBase, HttpDelivery http)
      throws InvalidNotificationUrl {
    List<String> topics = new ArrayList<>(url.path());
    topics.addAll(url.listOption("to"));
    String mode = url.option("mode").orElse(topics.isEmpty() ? "cloud" : "private");
    boolean cloud = mode.equalsIgnoreCase("cloud");
    if (cloud && !url.host().equalsIgnoreCase("ntfy.sh")) {
      topics.addFirst(url.host());
    }
    if (topics.isEmpty()) {
      throw new InvalidNotificationUrl(
          "ntfy:// needs a topic, as in ntfy://topic or ntfys://host/topic");
    }
    for (String topic : topics) {
      if (!topic.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new InvalidNotificationUrl("ntfy:// topics are 1-64 letters, digits, '_' or '-'");
      }
    }
    String priority = url.option("priority").orElse("default").toLowerCase(Locale.ROOT);
    if (!PRIORITIES.contains(priority) && !priority.matches("[1-5]")) {
      throw new InvalidNotificationUrl("ntfy:// priority must be one of " + PRIORITIES);
    }
    return new NtfyChannel(url, cloud ? cloudBase : url.httpBase(), topics, cloud, http);
  }

  @Override
  public MaskedUrl url() {
    String where = cloud ? "" : url.maskedAuthority() + "/";
    return new MaskedUrl(url.scheme() + "://" + where + String.join("/", topics));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    Map<String, String> headers = new LinkedHashMap<>();
    if (url.user().isPresent()) {
      headers.putAll(HttpDelivery.basicAuth(url.user().get(), url.password().orElse("")));
    } else {
      url.option("token").ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    }
    String priority = url.option("priority").orElse(defaultPriority(level));
    if (!priority.equals("default")) {
      headers.put("X-Priority", priority);
    }
    url.option("tags").ifPresent(t -> headers.put("X-Tags", t));
    url.option("click").ifPresent(c -> headers.put("X-Click", c));
    for (String topic : topics) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("topic", topic);
      payload.put("title", message.title());
      payload.put("message", message.body());
      http.postJson(base, payload, headers);
    }
  }

  private static String defaultPriority(NoticeLevel level) {
    return switch (level) {
      case INFO -> "default";
      case WARNING -> "high";
      case CRITICAL -> "max";
    };
  }
}
