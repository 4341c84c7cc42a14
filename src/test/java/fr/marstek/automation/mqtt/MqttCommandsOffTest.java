package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.testing.ShiftedClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MQTT_COMMANDS_ENABLED=false over a real Mosquitto: the command topics are not listened to, so a
 * command changes nothing on the simulated battery, and Home Assistant is told to drop the select,
 * button and switch a previous run with commands on left retained on the broker.
 */
@ServiceTest(
    webEnvironment = WebEnvironment.MOCK,
    properties = {
      "MARSTEK_LOCAL_PORT_POLICY=ephemeral",
      "MARSTEK_REQUEST_GAP_MS=50",
      "MARSTEK_SEND_GAP_MS=20",
      "COMMAND_RETRY_SECONDS=2",
      "STRATEGY=fixed",
      "TEMPO_ENABLED=false",
      "MQTT_COMMANDS_ENABLED=false",
      "MQTT_STATE_INTERVAL_SECONDS=5",
      "MARSTEK_READ_TIMEOUT_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
class MqttCommandsOffTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final Duration POLL = Duration.ofSeconds(5); // POLL_INTERVAL_SECONDS
  // Midday: the schedule wants AUTO, so IDLE or MANUAL on the battery could only come from MQTT.
  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T12:00:00");
  private static final List<String> COMMAND_ENTITIES =
      List.of(
          "homeassistant/select/marstek/battery_1_mode_select/config",
          "homeassistant/button/marstek/battery_1_clear_override/config",
          "homeassistant/switch/marstek/automation_paused/config");

  private static Mosquitto broker;
  private static SimulatedDevice device;

  @Autowired Automation automation;
  @Autowired FleetObserver observer;
  private Subscriber ha;

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource commandsOffTestClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.start();
    leaveStaleCommandEntities();
    device =
        SimulatedDevice.start(
            SimulatorOptions.defaults()
                .withPort(0)
                .withInitialSoc(Percent.of(50))
                .withLoad(HouseholdLoad.constant(Watts.of(400))),
            CLOCK);
    registry.add("MQTT_URL", broker::url);
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> device.address().getPort());
    var dir = Files.createTempDirectory("mqtt-commands-off");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  /** What an earlier run with commands on left on the broker. */
  private static void leaveStaleCommandEntities() throws Exception {
    var client =
        new MqttClient(broker.pahoUri(), "earlier-" + UUID.randomUUID(), new MemoryPersistence());
    client.connect();
    for (String topic : COMMAND_ENTITIES) {
      client.publish(topic, "{\"stale\":true}".getBytes(StandardCharsets.UTF_8), 1, true);
    }
    client.disconnect();
    client.close();
  }

  @AfterAll
  static void stopPeers() throws Exception {
    broker.close();
    device.close();
  }

  @BeforeEach
  void connectHomeAssistant() throws Exception {
    ha = new Subscriber(broker.pahoUri()).listen("#");
  }

  @AfterEach
  void disconnectHomeAssistant() throws Exception {
    ha.close();
  }

  @Test
  void commandsPublishedOnTheBrokerChangeNothing() throws Exception {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                ha.last("marstek/battery/1/state").orElse("").contains("\"confirmed\":true")
                    && device.battery().mode() == DeviceMode.AUTO);

    ha.send("marstek/battery/1/mode/set", "IDLE");
    ha.send("marstek/automation/paused/set", "ON");
    // Then Home Assistant's birth message, which the service does listen to: a client's messages
    // arrive in the order it sent them, so once the service has answered this one (discovery sent
    // again), the commands before it had reached the service too, had it subscribed to them.
    String soc = "homeassistant/sensor/marstek/battery_1_soc/config";
    int discoveries = ha.history(soc).size();
    ha.send("homeassistant/status", "online");
    await().atMost(PATIENCE).until(() -> ha.history(soc).size() > discoveries);

    // Two polls, each a poll interval and more than a command retry later on the clock: nothing
    // changed.
    for (int poll = 0; poll < 2; poll++) {
      pollNow();
      assertThat(automation.overrides()).isEmpty();
      assertThat(automation.isPaused()).isFalse();
      assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);
      assertThat(device.battery().acPower().value()).isPositive();
      assertThat(ha.last("marstek/battery/1/command/result")).isEmpty();
      assertThat(ha.last("marstek/automation/paused").orElse("OFF")).isEqualTo("OFF");
    }
    assertThat(ha.last("marstek/battery/1/state").orElseThrow())
        .contains("\"desired_mode\":\"AUTO\"", "\"cause\":\"SCHEDULE\"");
  }

  /** The clock moves one poll interval on and the battery is polled now, not at its next turn. */
  private void pollNow() throws InterruptedException {
    CLOCK.jumpTo(CLOCK.instant().plus(POLL));
    int before = device.requestsReceived();
    observer.observeOnce();
    // Polled by the test, or by the service's own schedule if that poll was under way.
    await().atMost(PATIENCE).until(() -> device.requestsReceived() > before);
  }

  @Test
  void homeAssistantIsOfferedNoSelectButtonOrSwitch() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(ha.last("homeassistant/sensor/marstek/battery_1_soc/config"))
                  .hasValueSatisfying(config -> assertThat(config).isNotBlank());
              // Gone from the broker (or seen being emptied), not merely never sent.
              for (String topic : COMMAND_ENTITIES) {
                assertThat(ha.last(topic).orElse("")).as(topic).isEmpty();
              }
              assertThat(ha.all().entrySet())
                  .filteredOn(
                      e ->
                          e.getKey().matches("homeassistant/(select|button|switch)/.*")
                              && !e.getValue().isEmpty())
                  .isEmpty();
            });
  }
}
