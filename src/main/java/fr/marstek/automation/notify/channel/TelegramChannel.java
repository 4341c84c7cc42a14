package fr.marstek.automation.notify.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code tgram://bottoken/ChatID1/ChatID2?silent=yes&preview=no}: the Bot API's sendMessage. */
final class TelegramChannel implements Channel {

  private static final Pattern TOKEN = Pattern.compile("(?:bot)?(\\d+:[A-Za-z0-9_-]+)");
  private static final Pattern CHAT = Pattern.compile("@?(-?\\d{1,32}|[A-Za-z_-][A-Za-z0-9_-]+)");

  private final String token;
  private final List<String> chats;
  private final boolean silent;
  private final boolean preview;
  private final String base;
  private final HttpDelivery http;

  private TelegramChannel(
      String token, List<String> chats, AppriseUrl url, String base, HttpDelivery http) {
    this.token = token;
    this.chats = List.copyOf(chats);
    this.silent = url.flag("silent", false);
    this.preview = url.flag("preview", false);
    this.base = base;
    this.http = http;
  }

  static TelegramChannel of(AppriseUrl url, String base, HttpDelivery http)
      throws InvalidNotificationUrl {
    List<String> parts = Arrays.stream(url.rest().split("/")).filter(s -> !s.isEmpty()).toList();
    var token = parts.isEmpty() ? null : TOKEN.matcher(parts.getFirst());
    if (token == null || !token.matches()) {
      throw new InvalidNotificationUrl(
          "tgram:// needs the bot token from BotFather (digits:letters), as in"
              + " tgram://123456789:AAbbCC/ChatID");
    }
    List<String> chats = new ArrayList<>(parts.subList(1, parts.size()));
    chats.addAll(url.listOption("to"));
    if (chats.isEmpty()) {
      throw new InvalidNotificationUrl(
          "tgram:// needs at least one chat id after the bot token, as in tgram://bottoken/ChatID");
    }
    for (String chat : chats) {
      if (!CHAT.matcher(chat).matches()) {
        throw new InvalidNotificationUrl("tgram:// chat id '" + chat + "' is not valid");
      }
    }
    return new TelegramChannel(token.group(1), chats, url, base, http);
  }

  @Override
  public MaskedUrl url() {
    return new MaskedUrl("tgram://" + MaskedUrl.hide(token) + "/" + String.join("/", chats));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    String text = "<b>" + escape(message.title()) + "</b>\r\n" + escape(message.body());
    for (String chat : chats) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("chat_id", chatId(chat));
      payload.put("text", text);
      payload.put("parse_mode", "HTML");
      payload.put("disable_notification", silent);
      payload.put("disable_web_page_preview", !preview);
      http.postJson(base + "/bot" + token + "/sendMessage", payload, Map.of());
    }
  }

  private static Object chatId(String chat) {
    String id = chat.startsWith("@") ? chat.substring(1) : chat;
    return id.matches("-?\\d+") ? (Object) Long.parseLong(id) : "@" + id;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
