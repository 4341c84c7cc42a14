package fr.marstek.automation.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MqttSettingsTest {

  private static MqttSettings read(Map<String, String> values) {
    return MqttSettings.from(new Variables(values));
  }

  @Test
  void withoutMqttUrlMqttIsOffAndTheDefaultsHold() {
    MqttSettings settings = read(Map.of());

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.discoveryPrefix()).isEqualTo("homeassistant");
    assertThat(settings.baseTopic()).isEqualTo("marstek");
    assertThat(settings.commandsEnabled()).isTrue();
    assertThat(settings.stateInterval()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aPlainUrlBecomesTcpOnPort1883AndTakesItsCredentials() {
    MqttSettings settings = read(Map.of("MQTT_URL", "mqtt://ha:p%40ss:word@broker.lan"));

    assertThat(settings.serverUri()).hasValue("tcp://broker.lan:1883");
    assertThat(settings.username()).hasValue("ha");
    assertThat(settings.password()).hasValue("p@ss:word");
  }

  @Test
  void pahosTcpAndSslSpellingsAreAcceptedToo() {
    assertThat(read(Map.of("MQTT_URL", "tcp://ha:pw@broker.lan:1884")).serverUri())
        .hasValue("tcp://broker.lan:1884");
    assertThat(read(Map.of("MQTT_URL", "TCP://broker.lan")).serverUri())
        .hasValue("tcp://broker.lan:1883");
    assertThat(read(Map.of("MQTT_URL", "ssl://broker.lan")).serverUri())
        .hasValue("ssl://broker.lan:8883");
  }

  @Test
  void mqttsBecomesTlsOnPort8883AndSeparateVariablesWinOverTheUrl() {
    MqttSettings settings =
        read(
            Map.of(
                "MQTT_URL", "mqtts://ignored:ignored@broker.example:8884",
                "MQTT_USERNAME", "marstek",
                "MQTT_PASSWORD", "secret"));

    assertThat(settings.serverUri()).hasValue("ssl://broker.example:8884");
    assertThat(settings.username()).hasValue("marstek");
    assertThat(settings.password()).hasValue("secret");
    assertThat(read(Map.of("MQTT_URL", "mqtts://b")).serverUri()).hasValue("ssl://b:8883");
  }

  @Test
  void thePasswordNeverShowsInTheSettingsText() {
    assertThat(read(Map.of("MQTT_URL", "mqtt://u:hunter2@b")).toString())
        .doesNotContain("hunter2")
        .contains("password set");
  }

  @Test
  void aWrongUrlIsReportedWithoutItsPassword() {
    var variables = new Variables(Map.of("MQTT_URL", "http://ha:hunter2@broker"));

    MqttSettings.from(variables);

    assertThat(variables.problems())
        .containsExactly("MQTT_URL=http://ha:****@broker: expected " + MqttSettings.URL_EXPECTED);
  }

  @Test
  void everyMistakeIsReportedWithTheVariableAndWhatIsExpected() {
    var variables =
        new Variables(
            Map.of(
                "MQTT_URL", "http://broker",
                "MQTT_BASE_TOPIC", "marstek/#",
                "MQTT_DISCOVERY_PREFIX", "/homeassistant",
                "MQTT_COMMANDS_ENABLED", "maybe",
                "MQTT_STATE_INTERVAL_SECONDS", "1"));

    MqttSettings settings = MqttSettings.from(variables);

    assertThat(settings.enabled()).isFalse();
    assertThat(variables.problems())
        .containsExactlyInAnyOrder(
            "MQTT_URL=http://broker: expected " + MqttSettings.URL_EXPECTED,
            "MQTT_BASE_TOPIC=marstek/#: expected " + MqttSettings.TOPIC_EXPECTED,
            "MQTT_DISCOVERY_PREFIX=/homeassistant: expected " + MqttSettings.TOPIC_EXPECTED,
            "MQTT_COMMANDS_ENABLED=maybe: expected true or false",
            "MQTT_STATE_INTERVAL_SECONDS=1: expected seconds 5-3600");
  }

  @Test
  void withCommandsOffDiscoveryRemovesTheSelectButtonAndSwitch() {
    var discovery =
        new HomeAssistantDiscovery(
            new Topics("marstek", "homeassistant"), JsonMapper.builder().build());

    var battery = discovery.forBattery(BatteryId.of(1), Optional.empty(), false);
    var service = discovery.forService(false);

    assertThat(battery)
        .filteredOn(
            m ->
                m.topic().startsWith("homeassistant/select/")
                    || m.topic().startsWith("homeassistant/button/"))
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.payload()).isEmpty();
              assertThat(m.retained()).isTrue();
            });
    assertThat(service).singleElement().satisfies(m -> assertThat(m.payload()).isEmpty());
    assertThat(battery)
        .filteredOn(m -> m.topic().startsWith("homeassistant/sensor/"))
        .extracting(m -> m.topic().replaceAll(".*/battery_1_(\\w+)/config", "$1"))
        .containsExactlyInAnyOrder(
            "soc",
            "power",
            "temperature",
            "grid_power",
            "charged_energy",
            "discharged_energy",
            "mode",
            "desired_mode");
    assertThat(battery)
        .filteredOn(m -> m.topic().startsWith("homeassistant/sensor/"))
        .allSatisfy(m -> assertThat(m.payload()).contains("marstek/battery/1/state"));
  }

  @Test
  void onlyOurOwnBatteryCommandTopicsNameABattery() {
    var topics = new Topics("home/marstek", "homeassistant");

    assertThat(topics.batteryOf("home/marstek/battery/7/mode/set", "/mode/set"))
        .hasValue(BatteryId.of(7));
    assertThat(topics.batteryOf("home/marstek/battery//mode/set", "/mode/set")).isEmpty();
    assertThat(topics.batteryOf("other/battery/7/mode/set", "/mode/set")).isEmpty();
    assertThat(topics.batteryOf("home/marstek/battery/a b/mode/set", "/mode/set")).isEmpty();
    assertThat(topics.nodeId()).isEqualTo("home_marstek");
  }
}
