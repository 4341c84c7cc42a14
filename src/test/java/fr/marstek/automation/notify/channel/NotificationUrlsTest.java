package fr.marstek.automation.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Malformed or unsupported URLs are refused with the reason; accepted ones show no secret. */
class NotificationUrlsTest {

  private final Channels channels =
      new Channels(
          new ChannelSettings(Map.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1)),
          JsonMapper.builder().build());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw | needs at least one chat id",
        "tgram://not-a-token/42 | needs the bot token",
        "gotify://hostname | needs the server and the application token",
        "discord://4174216298 | needs the webhook id and token",
        "slack://T1JJ3T3L2/A1BRTD4JD | needs the webhook's three tokens",
        "pover://shorttoken | needs your user key and the application token",
        "ntfy://host/bad%20topic | topics are 1-64 letters",
        "mailto://user:pass@example.org/not-an-address | is not an e-mail address",
        "json://127.0.0.1/x?method=BREW | method must be one of",
        "xml://127.0.0.1/x | xml:// is not supported here; supported: tgram, mailto, mailtos, ntfy",
        "no-scheme-at-all | not a URL"
      })
  void refusesTheUrlWithTheReason(String url, String reason) {
    assertThatThrownBy(() -> channels.create(url))
        .isInstanceOf(InvalidNotificationUrl.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/42 | tgram://1****w/42 | AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "gotify://gotify.lan/AbCdEf123456 | gotify://gotify.lan/A****6 | AbCdEf123456",
        "discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js | discord://4174216298/J****s | JHMHI8qBe7bk2ZwO5U711o3dV_js",
        "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ | slack://T1JJ3T3L2/****/**** | TIiajkdnlazkcOXrIdevi7FQ",
        "pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi | pover://u****G@a****i | azGDORePK8gMaC0QOYAMyEEuzJnyUi",
        "ntfys://alice:s3cret@ntfy.lan/alerts | ntfys://alice:****@ntfy.lan/alerts | s3cret",
        "jsons://bob:pw-secret@hooks.lan/in | jsons://bob:****@hooks.lan/in | pw-secret",
        "mailtos://alice:app-password@gmail.com | mailtos://alice:****@gmail.com/alice@gmail.com | app-password"
      })
  void masksTokensAndPasswords(String url, String masked, String secret) throws Exception {
    Channel channel = channels.create(url);

    assertThat(channel.url().text()).isEqualTo(masked).doesNotContain(secret);
    assertThat(channel.url().toString()).isEqualTo(masked);
  }
}
