package fr.marstek.automation.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.marstek.automation.notify.HttpSink;
import fr.marstek.automation.testing.RequiresTool;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail reaches a real SMTP server; other schemes go through Debian's apprise command or an
 * Apprise API server.
 */
class EmailAndAppriseDeliveryTest {

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("alice@example.org", "alice", "s3cret"));

  private static final Message MESSAGE =
      new Message("Battery 2 offline", "Battery 2 has not answered since 14:05.");

  private static Channels channels(Optional<java.net.URI> api, Optional<Path> command) {
    return new Channels(
        new ChannelSettings(Map.of(), api, command, Duration.ofSeconds(10)),
        JsonMapper.builder().build());
  }

  @Test
  void mailtoDeliversTheMessageOverSmtpWithLoginFromAndRecipient() throws Exception {
    int port = smtp.getSmtp().getPort();
    Channel channel =
        channels(Optional.empty(), Optional.empty())
            .create(
                "mailto://alice:s3cret@127.0.0.1:"
                    + port
                    + "?from=alice@example.org&to=bob@example.org&name=Maison");

    channel.send(MESSAGE, NoticeLevel.WARNING);

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Battery 2 offline");
    assertThat(mail.getContent().toString().trim())
        .isEqualTo("Battery 2 has not answered since 14:05.");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Maison <alice@example.org>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("bob@example.org");
    assertThat(channel.url().text())
        .isEqualTo("mailto://alice:****@127.0.0.1:" + port + "/bob@example.org");
  }

  @Test
  void mailtoWithTheWrongPasswordFailsWithoutShowingIt() throws Exception {
    Channel channel =
        channels(Optional.empty(), Optional.empty())
            .create(
                "mailto://alice:wrong-pass@127.0.0.1:"
                    + smtp.getSmtp().getPort()
                    + "?from=alice@example.org");

    var failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DeliveryFailed.class, () -> channel.send(MESSAGE, NoticeLevel.INFO));

    assertThat(failure.getMessage()).contains("SMTP 127.0.0.1").doesNotContain("wrong-pass");
  }

  @Test
  @RequiresTool("apprise")
  void anXmlUrlIsDeliveredByTheAppriseCommandToTheHttpSink() throws Exception {
    try (HttpSink sink = new HttpSink()) {
      Channel channel =
          channels(Optional.empty(), Optional.of(Path.of("/usr/bin/apprise")))
              .create("xml://127.0.0.1:" + sink.port() + "/marstek");

      channel.send(MESSAGE, NoticeLevel.WARNING);

      assertThat(sink.received()).hasSize(1);
      HttpSink.Received r = sink.received().getFirst();
      assertThat(r.path()).isEqualTo("/marstek");
      assertThat(r.header("Content-Type")).startsWith("application/xml");
      assertThat(r.body())
          .contains("<Subject>Battery 2 offline</Subject>")
          .contains("<Message>Battery 2 has not answered since 14:05.</Message>")
          .contains("<MessageType>warning</MessageType>");
      assertThat(channel.url().text()).isEqualTo("xml://127.0.0.1:" + sink.port() + "/****");
    }
  }

  @Test
  @RequiresTool("apprise")
  void theAppriseCommandReportsAFailedDelivery() throws Exception {
    try (HttpSink sink = new HttpSink()) {
      sink.failNext(1);
      Channel channel =
          channels(Optional.empty(), Optional.of(Path.of("/usr/bin/apprise")))
              .create("xml://127.0.0.1:" + sink.port() + "/marstek");

      var failure =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              DeliveryFailed.class, () -> channel.send(MESSAGE, NoticeLevel.INFO));

      assertThat(failure.getMessage()).startsWith("apprise could not deliver");
    }
  }

  @Test
  void withAnAppriseApiServerOtherSchemesArePostedToItsStatelessNotifyRoute() throws Exception {
    try (HttpSink api = new HttpSink()) {
      String url = "matrix://user:pw@matrix.example.org/!room";
      Channel channel =
          channels(Optional.of(java.net.URI.create(api.base() + "/apprise")), Optional.empty())
              .create(url);

      channel.send(MESSAGE, NoticeLevel.INFO);

      HttpSink.Received r = api.received().getFirst();
      assertThat(r.path()).isEqualTo("/apprise/notify/");
      var body = JsonMapper.builder().build().readTree(r.body());
      assertThat(body.get("urls").asString()).isEqualTo(url);
      assertThat(body.get("title").asString()).isEqualTo("Battery 2 offline");
      assertThat(body.get("body").asString()).isEqualTo("Battery 2 has not answered since 14:05.");
      assertThat(body.get("type").asString()).isEqualTo("info");
      assertThat(channel.url().text()).isEqualTo("matrix://****@matrix.example.org/****");
    }
  }
}
