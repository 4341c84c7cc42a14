package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.ServiceTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service's last will: the demo service reaches a real Mosquitto through a loopback proxy, the
 * proxy resets the connection (no DISCONNECT, as when the host dies), and Home Assistant's side of
 * the broker must see "offline" from the broker itself, then "online" once the service is back.
 */
@ServiceTest(
    webEnvironment = WebEnvironment.MOCK,
    properties = {"MQTT_STATE_INTERVAL_SECONDS=5"})
class LastWillTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String STATUS = "marstek/status";
  private static Mosquitto broker;
  private static CuttableProxy proxy;

  @DynamicPropertySource
  static void brokerBehindAProxy(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.start();
    proxy = new CuttableProxy(broker.port());
    registry.add("MQTT_URL", proxy::url);
    var dir = Files.createTempDirectory("mqtt-will");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopPeers() throws Exception {
    proxy.close();
    broker.close();
  }

  @Test
  void aConnectionLostWithoutDisconnectMakesTheBrokerSayOfflineThenTheServiceSaysOnlineAgain()
      throws Exception {
    try (Subscriber ha = new Subscriber(broker.pahoUri()).listen("marstek/#")) {
      await().atMost(PATIENCE).until(() -> ha.last(STATUS).orElse("").equals("online"));
      await().atMost(PATIENCE).until(() -> ha.last("marstek/battery/1/state").isPresent());
      ha.forget();

      proxy.cutAndClose();

      await().atMost(PATIENCE).until(() -> ha.last(STATUS).orElse("").equals("offline"));
      // Retained: a Home Assistant that starts now still learns the service is gone.
      try (Subscriber late = new Subscriber(broker.pahoUri()).listen(STATUS)) {
        await().atMost(PATIENCE).until(() -> late.last(STATUS).orElse("").equals("offline"));
      }

      ha.forget();
      proxy.reopen();

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(ha.last(STATUS)).hasValue("online");
                assertThat(ha.last("marstek/battery/1/state")).isPresent();
              });
      assertThat(ha.history(STATUS)).doesNotContain("offline");
    }
  }
}
