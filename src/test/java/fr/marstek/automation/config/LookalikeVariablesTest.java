package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LookalikeVariablesTest {

  @Test
  void aTypoInABatteryNameIsWarnedWithTheNameMeant() {
    assertThat(LookalikeVariables.in(List.of("BATERY_1_IP")))
        .containsExactly(
            "BATERY_1_IP is not a setting this service reads, so it is ignored: did you mean"
                + " BATTERY_1_IP?");
    assertThat(LookalikeVariables.in(List.of("BATTERY1_IP")))
        .singleElement()
        .asString()
        .endsWith("did you mean BATTERY_1_IP?");
    assertThat(LookalikeVariables.in(List.of("BATTERIE_2_PORT")))
        .singleElement()
        .asString()
        .endsWith("did you mean BATTERY_2_PORT?");
    assertThat(LookalikeVariables.in(List.of("BATTERY_3_PROTOCLO")))
        .singleElement()
        .asString()
        .endsWith("did you mean BATTERY_3_PROTOCOL?");
    assertThat(LookalikeVariables.in(List.of("BATTERY_2_MODBUS_UNT")))
        .singleElement()
        .asString()
        .endsWith("did you mean BATTERY_2_MODBUS_UNIT?");
  }

  @Test
  void anUnknownBatterySettingListsTheKnownOnes() {
    assertThat(LookalikeVariables.in(List.of("BATTERY_1_NAME")))
        .singleElement()
        .asString()
        .contains("BATTERY_1_NAME is not a setting", "IP, PORT, PROTOCOL, MODBUS_UNIT");
  }

  @Test
  void knownSettingsAndUnrelatedVariablesAreQuiet() {
    assertThat(
            LookalikeVariables.in(
                List.of(
                    "BATTERY_1_IP",
                    "BATTERY_12_PORT",
                    "BATTERY_2_PROTOCOL",
                    "BATTERY_2_MODBUS_UNIT",
                    "BATTERY_2_MODBUS_PROFILE",
                    "BATTERY_1_MODBUS_HOST",
                    "BATTERY_1_MODBUS_PORT",
                    "BATTERY_1_RESERVE_SOC",
                    "BATTERY_1_MAX_CHARGE_W",
                    "BATTERY_1_MAX_DISCHARGE_W",
                    "PATH",
                    "HOME",
                    "JAVA_HOME",
                    "MQTT_URL",
                    "LC_ALL",
                    "SERVER_PORT",
                    "XDG_SESSION_ID",
                    "SHLVL")))
        .isEmpty();
  }

  @Test
  void everyBatterySettingInEnvExampleIsKnown() throws Exception {
    var m =
        Pattern.compile("(?m)^#?BATTERY_\\d+_([A-Z_]+)=")
            .matcher(Files.readString(Path.of(".env.example")));
    var documented = new TreeSet<String>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).isNotEmpty();
    assertThat(new TreeSet<>(LookalikeVariables.BATTERY_SETTINGS)).isEqualTo(documented);
  }
}
