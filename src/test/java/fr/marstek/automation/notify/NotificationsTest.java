package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.ChannelSettings;
import fr.marstek.automation.notify.channel.Channels;
import fr.marstek.automation.notify.channel.MaskedUrl;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.notify.channel.NoticeLevel;
import fr.marstek.automation.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Repeats are dropped until the condition clears, the hour's budget holds, failed sends are
 * retried.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationsTest {

  private static final String BOT = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  private final HttpSink sink = new HttpSink();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  private NotificationDispatcher dispatcher;

  NotificationsTest() throws Exception {}

  @AfterEach
  void stop() {
    if (dispatcher != null) {
      dispatcher.stop();
    }
    sink.close();
  }

  private Notifications notifications(int maxPerHour, int attempts) {
    var channelSettings =
        new ChannelSettings(
            Map.of("tgram", URI.create(sink.base())),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(5));
    var settings =
        new NotifySettings(
            Language.EN,
            Map.of(
                NoticeKind.BATTERY_OFFLINE,
                NoticeLevel.WARNING,
                NoticeKind.BATTERY_BACK,
                NoticeLevel.INFO),
            maxPerHour,
            10,
            Duration.ofMillis(50),
            attempts,
            channelSettings);
    var channels =
        NotificationConfiguration.channels(
            List.of("tgram://" + BOT + "/42"),
            new Channels(channelSettings, JsonMapper.builder().build()));
    dispatcher = new NotificationDispatcher(channels, 10, settings.firstRetry(), attempts);
    dispatcher.start();
    return new Notifications(settings, channels, new NoticeGate(clock, maxPerHour), dispatcher);
  }

  private static Notice offline(String battery) {
    return new Notice(
        NoticeKind.BATTERY_OFFLINE,
        "battery-" + battery + "-link",
        new Message("Batterie " + battery + " hors ligne", "fr"),
        new Message("Battery " + battery + " offline", "en"));
  }

  private static Notice back(String battery) {
    return new Notice(
        NoticeKind.BATTERY_BACK,
        "battery-" + battery + "-link",
        new Message("Batterie " + battery + " de retour", "fr"),
        new Message("Battery " + battery + " back online", "en"));
  }

  private List<String> texts() {
    return sink.received().stream().map(HttpSink.Received::body).toList();
  }

  @Test
  void theSameConditionIsNotSentTwiceInARowButAgainOnceItCleared() {
    Notifications notifications = notifications(20, 1);

    notifications.send(offline("1"));
    notifications.send(offline("1"));
    notifications.send(back("1"));
    notifications.send(back("1"));
    notifications.send(offline("1"));

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 3);
    await().during(Duration.ofMillis(300)).until(() -> sink.received().size() == 3);
    assertThat(texts()).filteredOn(t -> t.contains("Battery 1 offline")).hasSize(2);
    assertThat(texts()).filteredOn(t -> t.contains("Battery 1 back online")).hasSize(1);
  }

  @Test
  void clearingASubjectLetsTheSameNoticeThroughAgain() {
    Notifications notifications = notifications(20, 1);
    notifications.send(offline("2"));
    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 1);

    notifications.clear("battery-2-link");
    notifications.send(offline("2"));

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 2);
  }

  @Test
  void noMoreThanTheHourlyBudgetIsSentUntilTheHourHasPassed(CapturedOutput output) {
    Notifications notifications = notifications(2, 1);

    notifications.send(offline("1"));
    notifications.send(offline("2"));
    notifications.send(offline("3"));
    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 2);
    clock.advance(Duration.ofMinutes(61));
    notifications.send(offline("4"));

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 3);
    assertThat(texts()).noneMatch(t -> t.contains("Battery 3 offline"));
    assertThat(texts()).anyMatch(t -> t.contains("Battery 4 offline"));
    assertThat(output).contains("dropped: NOTIFY_MAX_PER_HOUR=2 reached");
  }

  @Test
  void aFailedSendIsRetriedUntilThePeerAcceptsItAndTheLogShowsOnlyTheMaskedUrl(
      CapturedOutput output) {
    Notifications notifications = notifications(20, 4);
    sink.failNext(2);

    notifications.send(offline("5"));

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 3);
    assertThat(texts()).allMatch(t -> t.contains("Battery 5 offline"));
    assertThat(output)
        .contains("Notification to tgram://1****w/42 failed (HTTP 503 from 127.0.0.1)");
    assertThat(output.getAll()).doesNotContain(BOT);
  }

  @Test
  void aKindSwitchedOffInTheSettingsIsNotSent() {
    Notifications notifications = notifications(20, 1);

    notifications.send(
        new Notice(
            NoticeKind.BATTERY_DRIFTED,
            "battery-1-drift",
            new Message("a", "b"),
            new Message("a", "b")));
    notifications.send(offline("7"));

    await().atMost(HttpSink.patience()).until(() -> sink.received().size() == 1);
    assertThat(texts().getFirst()).contains("Battery 7 offline");
  }

  @Test
  void theTestSendsToEveryUrlAndReportsEachResultMasked() {
    Notifications notifications = notifications(20, 1);
    sink.failNext(1);

    List<DeliveryResult> results = notifications.sendTest();

    assertThat(results)
        .containsExactly(
            new DeliveryResult(
                new MaskedUrl("tgram://1****w/42"), false, "HTTP 503 from 127.0.0.1"));
    assertThat(notifications.sendTest())
        .extracting(DeliveryResult::delivered)
        .containsExactly(true);
  }
}
