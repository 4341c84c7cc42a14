package fr.marstek.automation.mqtt;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.ServiceTest;
import fr.marstek.automation.testing.ShiftedClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The trust model of docs/HOME_ASSISTANT.md against a real Mosquitto that lets in accounts only:
 * the service gets in with MQTT_USERNAME/MQTT_PASSWORD, a client without the password does not, and
 * what an account holder commands still passes the safety limits (no grid charging in peak hours,
 * never more than MAX_CHARGE_W) on a simulated battery over real UDP.
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
      "MAX_CHARGE_W=1200",
      "MQTT_STATE_INTERVAL_SECONDS=5",
      "MARSTEK_READ_TIMEOUT_MS=",
      "MARSTEK_WRITE_TIMEOUT_MS="
    })
class MqttTrustTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final Duration POLL = Duration.ofSeconds(5); // POLL_INTERVAL_SECONDS
  private static final String USER = "marstek-service";
  // Long and unusual, so finding it in the log cannot be a coincidence.
  private static final String PASSWORD = "brk-" + UUID.randomUUID();
  private static final BatteryId ONE = BatteryId.of(1);
  // Peak hours (06:00-22:00) and close to their end, so the test can step into off-peak.
  static final ShiftedClock CLOCK = ShiftedClock.atParis("2026-01-14T21:40:00");

  private static Mosquitto broker;
  private static SimulatedDevice device;

  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  @Autowired ControlCommands commands;
  @Autowired FleetObserver observer;
  private Subscriber ha;

  // Every log event of the service, from every thread: OutputCaptureExtension only showed the main
  // thread's start-up lines here, not the MQTT client's.
  static final List<String> LOGGED = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class Clock {
    @Bean
    @Primary
    InstantSource trustTestClock() {
      return CLOCK;
    }

    /** Runs before any bean is made, and after Spring Boot has set logging up. */
    @Bean
    static BeanFactoryPostProcessor recordTheLog() {
      return factory -> {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AppenderBase<ILoggingEvent> appender =
            new AppenderBase<>() {
              @Override
              protected void append(ILoggingEvent event) {
                IThrowableProxy thrown = event.getThrowableProxy();
                LOGGED.add(
                    event.getFormattedMessage()
                        + (thrown == null ? "" : " " + thrown.getMessage()));
              }
            };
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
      };
    }
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.startWithAccount(USER, PASSWORD);
    // A house drawing 400 W: in AUTO the battery discharges, so any negative AC power is a charge
    // from the grid that only a command can have caused.
    device =
        SimulatedDevice.start(
            SimulatorOptions.defaults()
                .withPort(0)
                .withInitialSoc(Percent.of(50))
                .withLoad(HouseholdLoad.constant(Watts.of(400))),
            CLOCK);
    registry.add("MQTT_URL", broker::url);
    registry.add("MQTT_USERNAME", () -> USER);
    registry.add("MQTT_PASSWORD", () -> PASSWORD);
    registry.add("BATTERY_1_IP", () -> "127.0.0.1");
    registry.add("BATTERY_1_PORT", () -> device.address().getPort());
    var dir = Files.createTempDirectory("mqtt-trust");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopPeers() throws Exception {
    broker.close();
    device.close();
  }

  @BeforeEach
  void connectHomeAssistant() throws Exception {
    ha = new Subscriber(broker.pahoUri(), USER, PASSWORD).listen("#");
  }

  @AfterEach
  void disconnectHomeAssistant() throws Exception {
    ha.close();
    commands.submit(new ControlCommand.ClearOverride(Optional.of(ONE.value())));
  }

  private JsonNode jsonOn(String topic) {
    return json.readTree(
        ha.last(topic).orElseThrow(() -> new AssertionError("nothing on " + topic)));
  }

  @Test
  void theServiceGetsInWithItsAccountPublishesAndNeverLogsThePassword() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(ha.last("marstek/status")).hasValue("online");
              JsonNode state = jsonOn("marstek/battery/1/state");
              assertThat(state.get("online").asBoolean()).isTrue();
              assertThat(state.get("soc").asInt()).isBetween(1, 100);
            });
    // The record does see the service's log (so the check below is not vacuous)...
    assertThat(LOGGED).contains("MQTT connected to " + broker.pahoUri());
    // ...and the password is nowhere in it.
    assertThat(LOGGED).noneMatch(line -> line.contains(PASSWORD));
  }

  @Test
  void aClientWithoutTheAccountIsTurnedAwayAndCannotCommand() throws Exception {
    await().atMost(PATIENCE).until(() -> ha.last("marstek/status").orElse("").equals("online"));

    MqttException anonymous = refused(null, null);
    MqttException wrongPassword = refused(USER, PASSWORD + "x");

    // MQTT 3.1.1 CONNACK 4 (bad user name or password) or 5 (not authorised).
    assertThat(anonymous.getReasonCode())
        .isIn(
            (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
            (int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    assertThat(wrongPassword.getReasonCode())
        .isIn(
            (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
            (int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    assertThat(automation.isPaused()).isFalse();
    assertThat(automation.overrides()).isEmpty();
  }

  /** Connects and tries to pause automation; returns why the broker refused. */
  private MqttException refused(String user, String password) throws MqttException {
    var client =
        new MqttClient(broker.pahoUri(), "intruder-" + UUID.randomUUID(), new MemoryPersistence());
    try {
      var options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setConnectionTimeout(5);
      if (user != null) {
        options.setUserName(user);
        options.setPassword(password.toCharArray());
      }
      MqttException refusal =
          catchThrowableOfType(MqttException.class, () -> client.connect(options));
      if (refusal == null) {
        client.publish("marstek/automation/paused/set", "ON".getBytes(), 1, false);
        client.disconnect();
        throw new AssertionError(
            "the broker let in "
                + (user == null ? "an anonymous" : "a wrong-password")
                + " client");
      }
      return refusal;
    } finally {
      client.close(true);
    }
  }

  /**
   * The clock moves one poll interval on (more than a command retry) and the battery is polled now,
   * not at its next turn: a cycle on the test's time rather than a wait.
   */
  private void pollNow() throws InterruptedException {
    CLOCK.jumpTo(CLOCK.instant().plus(POLL));
    int before = device.requestsReceived();
    observer.observeOnce();
    // Polled by the test, or by the service's own schedule if that poll was under way.
    await().atMost(PATIENCE).until(() -> device.requestsReceived() > before);
  }

  @Test
  void manualOverMqttDoesNotGridChargeInPeakHoursAndChargesAtMostMaxChargeOffPeak()
      throws Exception {
    // Forward only (the simulator integrates up to the clock): 21:55, still peak.
    CLOCK.jumpTo(LocalDateTime.parse("2026-01-14T21:55:00").atZone(PARIS).toInstant());
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode state = jsonOn("marstek/battery/1/state");
              assertThat(state.get("desired_mode").asString()).isEqualTo("AUTO");
              assertThat(state.get("confirmed").asBoolean()).isTrue();
            });
    assertThat(device.battery().mode()).isEqualTo(DeviceMode.AUTO);

    ha.send("marstek/battery/1/mode/set", "MANUAL");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              // Refused, as the REST API refuses it: safety would hold it until it ends at 22:00.
              JsonNode result = jsonOn("marstek/battery/1/command/result");
              assertThat(result.get("accepted").asBoolean()).isFalse();
              assertThat(result.get("detail").asString())
                  .contains("no grid charging in peak hours");
              JsonNode state = jsonOn("marstek/battery/1/state");
              assertThat(state.get("desired_mode").asString()).isEqualTo("AUTO");
            });
    assertThat(automation.overrides()).isEmpty();
    // Over several polls and command retries, the battery never charges from the grid.
    for (int poll = 0; poll < 3; poll++) {
      pollNow();
      assertThat(device.battery().acPower().value()).isNotNegative();
      assertThat(device.battery().mode()).isNotEqualTo(DeviceMode.MANUAL);
    }
    assertThat(CLOCK.parisNow().getHour()).as("still in peak hours").isEqualTo(21);

    // Off-peak: hold the battery idle first so that the charge below is the MQTT command's.
    CLOCK.jumpTo(LocalDateTime.parse("2026-01-14T22:01:00").atZone(PARIS).toInstant());
    ha.send("marstek/battery/1/mode/set", "IDLE");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode state = jsonOn("marstek/battery/1/state");
              assertThat(state.get("desired_mode").asString()).isEqualTo("IDLE");
              assertThat(state.get("cause").asString()).isEqualTo("OVERRIDE");
              assertThat(device.battery().acPower().value()).isZero();
            });

    ha.send("marstek/battery/1/mode/set", "MANUAL");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode state = jsonOn("marstek/battery/1/state");
              assertThat(state.get("desired_mode").asString()).isEqualTo("MANUAL");
              assertThat(state.get("cause").asString()).isEqualTo("OVERRIDE");
              assertThat(device.battery().mode()).isEqualTo(DeviceMode.MANUAL);
              assertThat(device.battery().acPower().value()).isNegative();
            });
    // The device could take 2500 W; MAX_CHARGE_W=1200 must hold for as long as it charges.
    for (int poll = 0; poll < 2; poll++) {
      pollNow();
      assertThat(device.battery().acPower().value()).isGreaterThanOrEqualTo(-1200.0);
    }
    assertThat(device.battery().manualSlots())
        .filteredOn(s -> s.enabled())
        .allSatisfy(s -> assertThat(Math.abs(s.power().value())).isLessThanOrEqualTo(1200));
  }
}
