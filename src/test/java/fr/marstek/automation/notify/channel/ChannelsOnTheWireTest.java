package fr.marstek.automation.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.notify.HttpSink;
import fr.marstek.automation.notify.HttpSink.Received;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each native channel sends what the real service expects, checked at a real HTTP server on
 * loopback.
 */
class ChannelsOnTheWireTest {

  private static final Message MESSAGE =
      new Message("Batterie 1 hors ligne", "Depuis 14:05 <timeout>");
  private static final String BOT = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final String POVER_TOKEN = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";
  private static final String POVER_USER = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";

  private final ObjectMapper json = JsonMapper.builder().build();
  private HttpSink sink;
  private Channels channels;

  @BeforeEach
  void start() throws Exception {
    sink = new HttpSink();
    Map<String, URI> bases =
        ChannelSettings.DEFAULT_BASE_URLS.keySet().stream()
            .collect(Collectors.toMap(k -> k, k -> URI.create(sink.base())));
    channels =
        new Channels(
            new ChannelSettings(bases, Optional.empty(), Optional.empty(), Duration.ofSeconds(5)),
            json);
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  private Received sendOnce(String url, NoticeLevel level) throws Exception {
    channels.create(url).send(MESSAGE, level);
    assertThat(sink.received()).hasSize(1);
    return sink.received().getFirst();
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }

  @Test
  void telegramPostsSendMessageWithTheChatIdAndAnHtmlText() throws Exception {
    Received r = sendOnce("tgram://" + BOT + "/-1001234567", NoticeLevel.WARNING);

    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/bot" + BOT + "/sendMessage");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("chat_id").asLong()).isEqualTo(-1001234567L);
    assertThat(body.get("parse_mode").asString()).isEqualTo("HTML");
    assertThat(body.get("text").asString())
        .isEqualTo("<b>Batterie 1 hors ligne</b>\r\nDepuis 14:05 &lt;timeout&gt;");
    assertThat(body.get("disable_notification").asBoolean()).isFalse();
  }

  @Test
  void telegramSendsOnceToEachChatIncludingNamedChannels() throws Exception {
    channels
        .create("tgram://bot" + BOT + "/11/@mychannel?silent=yes")
        .send(MESSAGE, NoticeLevel.INFO);

    assertThat(sink.received()).hasSize(2);
    JsonNode second = json.readTree(sink.received().get(1).body());
    assertThat(second.get("chat_id").asString()).isEqualTo("@mychannel");
    assertThat(second.get("disable_notification").asBoolean()).isTrue();
  }

  @Test
  void ntfyOnItsOwnServerPublishesJsonToTheRootWithPriorityAndBasicAuth() throws Exception {
    Received r =
        sendOnce(
            "ntfy://alice:s3cret@127.0.0.1:" + sink.port() + "/batteries?tags=battery",
            NoticeLevel.WARNING);

    assertThat(r.path()).isEqualTo("/");
    assertThat(r.header("X-Priority")).isEqualTo("high");
    assertThat(r.header("X-Tags")).isEqualTo("battery");
    assertThat(r.header("Authorization")).isEqualTo("Basic YWxpY2U6czNjcmV0");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("topic").asString()).isEqualTo("batteries");
    assertThat(body.get("title").asString()).isEqualTo("Batterie 1 hors ligne");
    assertThat(body.get("message").asString()).isEqualTo("Depuis 14:05 <timeout>");
  }

  @Test
  void ntfyWithOnlyATopicGoesToTheCloudBaseAndKeepsTheDefaultPriorityForInfo() throws Exception {
    Received r = sendOnce("ntfys://my-alerts", NoticeLevel.INFO);

    assertThat(r.path()).isEqualTo("/");
    assertThat(r.header("X-Priority")).isNull();
    assertThat(json.readTree(r.body()).get("topic").asString()).isEqualTo("my-alerts");
  }

  @Test
  void gotifyPostsToMessageWithTheAppTokenHeaderAndTheLevelsPriority() throws Exception {
    Received r =
        sendOnce(
            "gotify://127.0.0.1:" + sink.port() + "/gotify/AbCdEf123456", NoticeLevel.CRITICAL);

    assertThat(r.path()).isEqualTo("/gotify/message");
    assertThat(r.header("X-Gotify-Key")).isEqualTo("AbCdEf123456");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("priority").asInt()).isEqualTo(10);
    assertThat(body.get("title").asString()).isEqualTo("Batterie 1 hors ligne");
  }

  @Test
  void gotifyPriorityFromTheUrlWinsOverTheLevel() throws Exception {
    Received r =
        sendOnce("gotify://127.0.0.1:" + sink.port() + "/tok?priority=low", NoticeLevel.CRITICAL);

    assertThat(json.readTree(r.body()).get("priority").asInt()).isEqualTo(1);
  }

  @Test
  void discordPostsToTheWebhookWithTitleAndBodyAsContent() throws Exception {
    Received r =
        sendOnce("discord://Marstek@4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", NoticeLevel.INFO);

    assertThat(r.path()).isEqualTo("/api/webhooks/4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("content").asString())
        .isEqualTo("Batterie 1 hors ligne\r\nDepuis 14:05 <timeout>");
    assertThat(body.get("username").asString()).isEqualTo("Marstek");
    assertThat(body.get("tts").asBoolean()).isFalse();
  }

  @Test
  void slackWebhookPostsAnAttachmentToTheServicesPath() throws Exception {
    Received r =
        sendOnce(
            "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ/#alerts", NoticeLevel.WARNING);

    assertThat(r.path()).isEqualTo("/services/T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("channel").asString()).isEqualTo("#alerts");
    assertThat(body.get("attachments").get(0).get("title").asString())
        .isEqualTo("Batterie 1 hors ligne");
    assertThat(body.get("attachments").get(0).get("text").asString())
        .isEqualTo("Depuis 14:05 <timeout>");
  }

  @Test
  void slackBotTokenPostsToChatPostMessageWithBearerAuth() throws Exception {
    Received r =
        sendOnce(
            "slack://xoxb-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d/#general", NoticeLevel.INFO);

    assertThat(r.path()).isEqualTo("/api/chat.postMessage");
    assertThat(r.header("Authorization"))
        .isEqualTo("Bearer xoxb-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d");
    assertThat(json.readTree(r.body()).get("channel").asString()).isEqualTo("general");
  }

  @Test
  void pushoverPostsAFormWithTokenUserPriorityAndDevice() throws Exception {
    Received r =
        sendOnce("pover://" + POVER_USER + "@" + POVER_TOKEN + "/phone", NoticeLevel.CRITICAL);

    assertThat(r.path()).isEqualTo("/1/messages.json");
    assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    Map<String, String> form = form(r.body());
    assertThat(form)
        .containsEntry("token", POVER_TOKEN)
        .containsEntry("user", POVER_USER)
        .containsEntry("priority", "1")
        .containsEntry("device", "phone")
        .containsEntry("title", "Batterie 1 hors ligne")
        .containsEntry("message", "Depuis 14:05 <timeout>");
  }

  @Test
  void jsonWebhookPostsApprisesPayloadWithExtraHeadersParametersAndFields() throws Exception {
    Received r =
        sendOnce(
            "json://bob:pw@127.0.0.1:"
                + sink.port()
                + "/hooks/marstek?+X-Home=maison&-src=marstek&:house=main",
            NoticeLevel.CRITICAL);

    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/hooks/marstek");
    assertThat(r.query()).isEqualTo("src=marstek");
    assertThat(r.header("X-Home")).isEqualTo("maison");
    assertThat(r.header("Authorization")).isEqualTo("Basic Ym9iOnB3");
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("version").asString()).isEqualTo("1.0");
    assertThat(body.get("title").asString()).isEqualTo("Batterie 1 hors ligne");
    assertThat(body.get("message").asString()).isEqualTo("Depuis 14:05 <timeout>");
    assertThat(body.get("type").asString()).isEqualTo("failure");
    assertThat(body.get("house").asString()).isEqualTo("main");
  }

  @Test
  void formWebhookPostsTheSameFieldsFormEncodedWithTheChosenMethod() throws Exception {
    Received r =
        sendOnce("form://127.0.0.1:" + sink.port() + "/notify?method=PUT", NoticeLevel.INFO);

    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.path()).isEqualTo("/notify");
    assertThat(form(r.body()))
        .containsEntry("version", "1.0")
        .containsEntry("title", "Batterie 1 hors ligne")
        .containsEntry("type", "info");
  }

  @Test
  void aFailingPeerBecomesADeliveryFailureThatNamesTheHostButNoSecret() throws Exception {
    sink.failNext(1);
    Channel channel = channels.create("tgram://" + BOT + "/42");

    var failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DeliveryFailed.class, () -> channel.send(MESSAGE, NoticeLevel.INFO));

    assertThat(failure.getMessage()).isEqualTo("HTTP 503 from 127.0.0.1").doesNotContain(BOT);
  }
}
