package fr.marstek.automation.notify.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code pover://user_key@token[/device]?priority=high&sound=...}: messages.json, form-encoded. */
final class PushoverChannel implements Channel {

  private static final Map<String, Integer> PRIORITIES =
      Map.of("lowest", -2, "low", -1, "normal", 0, "high", 1, "emergency", 2);

  private final AppriseUrl url;
  private final String userKey;
  private final String token;
  private final List<String> devices;
  private final Integer priority;
  private final String base;
  private final HttpDelivery http;

  private PushoverChannel(
      AppriseUrl url, List<String> devices, Integer priority, String base, HttpDelivery http) {
    this.url = url;
    this.userKey = url.user().orElseThrow();
    this.token = url.host();
    this.devices = List.copyOf(devices);
    this.priority = priority;
    this.base = base;
    this.http = http;
  }

  static PushoverChannel of(AppriseUrl url, String base, HttpDelivery http)
      throws InvalidNotificationUrl {
    if (url.user().isEmpty() || !url.host().matches("[A-Za-z0-9]{30}")) {
      throw new InvalidNotificationUrl(
          "pover:// needs your user key and the application token (30 letters and digits), as in"
              + " pover://user_key@token");
    }
    Integer priority = null;
    if (url.option("priority").isPresent()) {
      String p = url.option("priority").get().toLowerCase(Locale.ROOT);
      priority = p.matches("-?[0-2]") ? Integer.valueOf(p) : PRIORITIES.get(p);
      if (priority == null) {
        throw new InvalidNotificationUrl(
            "pover:// priority must be -2 to 2 or one of " + PRIORITIES.keySet());
      }
    }
    List<String> devices = new ArrayList<>(url.path());
    devices.addAll(url.listOption("to"));
    return new PushoverChannel(url, devices, priority, base, http);
  }

  @Override
  public MaskedUrl url() {
    String rest = devices.isEmpty() ? "" : "/" + String.join("/", devices);
    return new MaskedUrl("pover://" + MaskedUrl.hide(userKey) + "@" + MaskedUrl.hide(token) + rest);
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    int p = priority != null ? priority : (level == NoticeLevel.CRITICAL ? 1 : 0);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("user", userKey);
    form.put("priority", Integer.toString(p));
    form.put("title", message.title());
    form.put("message", message.body());
    url.option("sound").ifPresent(s -> form.put("sound", s));
    if (p == 2) {
      form.put("retry", url.option("retry").orElse("900"));
      form.put("expire", url.option("expire").orElse("3600"));
    }
    if (devices.isEmpty()) {
      http.postForm(base + "/1/messages.json", form, Map.of());
    }
    for (String device : devices) {
      form.put("device", device);
      http.postForm(base + "/1/messages.json", form, Map.of());
    }
  }
}
