package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.testing.ServiceTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo service (three simulated batteries over real UDP) connected to a real Mosquitto, seen
 * from a Home Assistant's side of the broker.
 */
@ServiceTest(
    webEnvironment = WebEnvironment.MOCK,
    properties = {"MQTT_STATE_INTERVAL_SECONDS=5"})
class HomeAssistantMqttTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static Mosquitto broker;

  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  @Autowired ControlCommands commands;
  @Autowired Batteries batteries;
  private Subscriber ha;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    broker = Mosquitto.start();
    registry.add("MQTT_URL", broker::url);
    var dir = Files.createTempDirectory("mqtt-test");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @BeforeEach
  void connectHomeAssistant() throws Exception {
    ha = new Subscriber(broker.pahoUri()).listen("#");
  }

  @AfterEach
  void disconnectHomeAssistant() throws Exception {
    ha.close();
    commands.submit(new ControlCommand.Pause(false));
  }

  private JsonNode jsonOn(String topic) {
    return json.readTree(
        ha.last(topic).orElseThrow(() -> new AssertionError("nothing on " + topic)));
  }

  @Test
  void announcesEverySensorOfEveryBatteryToHomeAssistantDiscovery() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (String id : new String[] {"1", "2", "3"}) {
                JsonNode soc = jsonOn("homeassistant/sensor/marstek/battery_" + id + "_soc/config");
                assertThat(soc.get("state_topic").asString())
                    .isEqualTo("marstek/battery/" + id + "/state");
                assertThat(soc.get("unit_of_measurement").asString()).isEqualTo("%");
                assertThat(soc.get("device_class").asString()).isEqualTo("battery");
                assertThat(soc.get("unique_id").asString())
                    .isEqualTo("marstek_battery_" + id + "_soc");
                assertThat(soc.get("availability").findValuesAsString("topic"))
                    .containsExactly("marstek/status", "marstek/battery/" + id + "/availability");
                assertThat(soc.get("device").get("identifiers").get(0).asString())
                    .isEqualTo("marstek_battery_" + id);
                for (String sensor :
                    new String[] {"power", "temperature", "mode", "desired_mode"}) {
                  assertThat(
                          ha.last(
                              "homeassistant/sensor/marstek/battery_"
                                  + id
                                  + "_"
                                  + sensor
                                  + "/config"))
                      .isPresent();
                }
                JsonNode grid =
                    jsonOn("homeassistant/sensor/marstek/battery_" + id + "_grid_power/config");
                assertThat(grid.get("device_class").asString()).isEqualTo("power");
                assertThat(grid.get("unit_of_measurement").asString()).isEqualTo("W");
                for (String way : new String[] {"charged", "discharged"}) {
                  JsonNode energy =
                      jsonOn(
                          "homeassistant/sensor/marstek/battery_"
                              + id
                              + "_"
                              + way
                              + "_energy/config");
                  assertThat(energy.get("device_class").asString()).isEqualTo("energy");
                  assertThat(energy.get("unit_of_measurement").asString()).isEqualTo("kWh");
                  assertThat(energy.get("state_class").asString()).isEqualTo("total_increasing");
                  assertThat(energy.get("value_template").asString())
                      .isEqualTo("{{ value_json." + way + "_kwh }}");
                }
                JsonNode online =
                    jsonOn("homeassistant/binary_sensor/marstek/battery_" + id + "_online/config");
                assertThat(online.get("device_class").asString()).isEqualTo("connectivity");
                JsonNode select =
                    jsonOn("homeassistant/select/marstek/battery_" + id + "_mode_select/config");
                assertThat(select.get("command_topic").asString())
                    .isEqualTo("marstek/battery/" + id + "/mode/set");
                assertThat(select.get("options").valueStream().map(JsonNode::asString))
                    .containsExactly("AUTO", "AI", "MANUAL", "IDLE");
                assertThat(
                        ha.last(
                            "homeassistant/button/marstek/battery_"
                                + id
                                + "_clear_override/config"))
                    .isPresent();
              }
              assertThat(
                      jsonOn("homeassistant/switch/marstek/automation_paused/config")
                          .get("command_topic")
                          .asString())
                  .isEqualTo("marstek/automation/paused/set");
            });
  }

  @Test
  void theDeviceCardShowsTheModelAndFirmwareTheBatteryReported() throws Exception {
    String expectedModel = batteries.find(BatteryId.of(1)).orElseThrow().identify().model();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode device =
                  jsonOn("homeassistant/sensor/marstek/battery_1_soc/config").get("device");
              assertThat(device.get("model").asString()).isEqualTo(expectedModel);
              assertThat(device.get("sw_version").asString()).isNotBlank();
              assertThat(device.get("manufacturer").asString()).isEqualTo("Marstek");
            });
  }

  @Test
  void publishesEachBatteryStateAndAvailabilityAndTheServiceIsOnline() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(ha.last("marstek/status")).hasValue("online");
              assertThat(ha.last("marstek/automation/paused")).hasValue("OFF");
              for (String id : new String[] {"1", "2", "3"}) {
                assertThat(ha.last("marstek/battery/" + id + "/availability")).hasValue("online");
                JsonNode state = jsonOn("marstek/battery/" + id + "/state");
                assertThat(state.get("online").asBoolean()).isTrue();
                assertThat(state.get("soc").asInt()).isBetween(1, 100);
                assertThat(state.get("mode").asString()).isNotBlank();
                assertThat(state.has("power_w")).isTrue();
                assertThat(state.get("charged_kwh").asDouble()).isGreaterThanOrEqualTo(0);
                assertThat(state.get("discharged_kwh").asDouble()).isGreaterThanOrEqualTo(0);
              }
            });
  }

  @Test
  void announcesTheFleetsEnergyForTheEnergyDashboardAsTheSumOfEveryBattery() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (String way : new String[] {"charged", "discharged"}) {
                JsonNode config =
                    jsonOn("homeassistant/sensor/marstek/fleet_" + way + "_energy/config");
                assertThat(config.get("state_topic").asString()).isEqualTo("marstek/fleet/state");
                assertThat(config.get("device_class").asString()).isEqualTo("energy");
                assertThat(config.get("unit_of_measurement").asString()).isEqualTo("kWh");
                assertThat(config.get("state_class").asString()).isEqualTo("total_increasing");
                assertThat(config.get("value_template").asString())
                    .isEqualTo("{{ value_json." + way + "_kwh }}");
                assertThat(config.get("device").get("identifiers").get(0).asString())
                    .isEqualTo("marstek_service");
                double sum = 0;
                for (String id : new String[] {"1", "2", "3"}) {
                  sum += jsonOn("marstek/battery/" + id + "/state").get(way + "_kwh").asDouble();
                }
                JsonNode fleet = jsonOn("marstek/fleet/state");
                assertThat(fleet.get("batteries").asInt()).isEqualTo(3);
                assertThat(fleet.get(way + "_kwh").asDouble()).isCloseTo(sum, within(0.0021));
              }
            });
  }

  @Test
  void aModeChosenInHomeAssistantReachesTheSimulatedBatteryAndCanBeCleared() throws Exception {
    await()
        .atMost(PATIENCE)
        .until(() -> ha.last("marstek/battery/2/availability").orElse("").equals("online"));

    ha.send("marstek/battery/2/mode/set", "AI");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(jsonOn("marstek/battery/2/command/result").get("accepted").asBoolean())
                  .isTrue();
              JsonNode state = jsonOn("marstek/battery/2/state");
              assertThat(state.get("desired_mode").asString()).isEqualTo("AI");
              assertThat(state.get("cause").asString()).isEqualTo("OVERRIDE");
              assertThat(state.get("mode").asString()).isEqualTo("AI");
              assertThat(batteries.find(BatteryId.of(2)).orElseThrow().readStatus().mode())
                  .isEqualTo(DeviceMode.AI);
            });

    ha.forget();
    ha.send("marstek/battery/2/override/clear", "PRESS");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(jsonOn("marstek/battery/2/command/result").get("detail").asString())
                    .isEqualTo("override cleared"));
    assertThat(automation.overrides()).isEmpty();
  }

  @Test
  void aModeOutsideTheListIsRefusedWithAReasonAndChangesNothing() throws Exception {
    ha.send("marstek/battery/1/mode/set", "TURBO");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode result = jsonOn("marstek/battery/1/command/result");
              assertThat(result.get("accepted").asBoolean()).isFalse();
              assertThat(result.get("detail").asString())
                  .contains("TURBO", "AUTO, AI, MANUAL, IDLE");
            });
    assertThat(automation.overrides()).isEmpty();
  }

  @Test
  void thePauseSwitchPausesAndResumesAutomation() throws Exception {
    await().atMost(PATIENCE).until(() -> ha.last("marstek/status").isPresent());

    ha.send("marstek/automation/paused/set", "ON");

    await()
        .atMost(PATIENCE)
        .until(() -> ha.last("marstek/automation/paused").orElse("").equals("ON"));
    assertThat(automation.isPaused()).isTrue();

    ha.send("marstek/automation/paused/set", "OFF");

    await()
        .atMost(PATIENCE)
        .until(() -> ha.last("marstek/automation/paused").orElse("").equals("OFF"));
    assertThat(automation.isPaused()).isFalse();
  }

  @Test
  void afterTheBrokerRestartsItReconnectsRepublishesAndTakesCommandsAgain() throws Exception {
    await().atMost(PATIENCE).until(() -> ha.last("marstek/status").orElse("").equals("online"));
    ha.close();

    broker.restart();
    ha = new Subscriber(broker.pahoUri()).listen("#");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(ha.last("marstek/status")).hasValue("online");
              assertThat(ha.last("homeassistant/sensor/marstek/battery_3_soc/config")).isPresent();
              assertThat(ha.last("marstek/battery/3/state")).isPresent();
            });
    ha.send("marstek/automation/paused/set", "ON");
    await().atMost(PATIENCE).until(automation::isPaused);
  }
}
