package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.MarstekAutomationApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up as a user meets it: the .env file is read, and a mistake stops it with a clear line. */
@ExtendWith(OutputCaptureExtension.class)
class StartUpConfigurationTest {

  @TempDir Path dir;

  private static final String CONTROL_OFF = "--CONTROL_ENABLED=false";

  /** Starts the service as its jar does, on this .env, with a token and database of its own. */
  private ConfigurableApplicationContext start(Path dotEnv, String... more) {
    var app = new SpringApplication(MarstekAutomationApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    List<String> args = new ArrayList<>();
    args.add("--DOTENV_FILE=" + dotEnv);
    args.add("--API_TOKEN_FILE=" + dir.resolve("token"));
    args.add("--DATABASE_URL=");
    args.add("--DATABASE_FILE=" + dir.resolve("history.db"));
    args.addAll(List.of(more));
    return app.run(args.toArray(String[]::new));
  }

  @Test
  void aBadPortStopsStartUpNamingTheVariable(CapturedOutput output) throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "BATTERY_2_IP=127.0.0.1\nBATTERY_2_PORT=70000\n");

    assertThatThrownBy(() -> start(env, CONTROL_OFF)).isInstanceOf(InvalidConfiguration.class);
    assertThat(output.getAll())
        .contains("Invalid configuration:", "BATTERY_2_PORT=70000: expected a UDP port 1-65535");
  }

  @Test
  void everyFeaturesMistakesAreReportedTogether(CapturedOutput output) throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(
        env,
        String.join(
            "\n",
            "BATTERY_2_IP=127.0.0.1",
            "BATTERY_2_PORT=70000",
            "AUTO_MODE_START_HOUR=25",
            "MARSTEK_READ_TIMEOUT_MS=soon",
            "POLL_INTERVAL_SECONDS=0",
            "STRATEGY=greedy",
            ""));

    assertThatThrownBy(() -> start(env)).isInstanceOf(InvalidConfiguration.class);
    assertThat(output.getAll())
        .contains(
            "BATTERY_2_PORT=70000: expected a UDP port 1-65535",
            "AUTO_MODE_START_HOUR=25: expected an hour of the day 0-23",
            "MARSTEK_READ_TIMEOUT_MS=soon",
            "POLL_INTERVAL_SECONDS=0",
            "STRATEGY=greedy");
  }

  @Test
  void theDotEnvFileConfiguresTheBatteries() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# my batteries\nBATTERY_7_IP=127.0.0.1\nBATTERY_7_PORT=40007\n");

    try (var context = start(env, CONTROL_OFF)) {
      var batteries = context.getBean(fr.marstek.automation.device.Batteries.class);

      assertThat(batteries.isDemo()).isFalse();
      assertThat(batteries.all())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.id().value()).isEqualTo("7");
                assertThat(b.address()).isEqualTo("127.0.0.1:40007");
              });
    }
  }

  @Test
  void aMalformedLineIsOneMaskedLineNamingFileAndLine(CapturedOutput output) throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "BATTERY_7_IP=127.0.0.1\nAPI_TOKEN: s3cret-token-value-42\n");

    assertThatThrownBy(() -> start(env, CONTROL_OFF))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageNotContaining("s3cret");
    assertThat(output.getAll())
        .contains(
            "Invalid configuration:",
            env + ":2: API_TOKEN: ****(21 chars): expected NAME=value (write API_TOKEN=...")
        .doesNotContain("s3cret", "DotenvException", "\tat ");
  }

  @Test
  void aMissingNamedDotEnvFileStopsStartUp(CapturedOutput output) {
    Path missing = dir.resolve("missing.env");

    assertThatThrownBy(() -> start(missing, CONTROL_OFF)).isInstanceOf(InvalidConfiguration.class);
    assertThat(output.getAll())
        .contains(
            "DOTENV_FILE=" + missing + ": expected an existing file",
            "set DOTENV_FILE=none to read no .env file")
        .doesNotContain("\tat ");
  }

  @Test
  void aTypoInTheOnlyBatteryLineIsWarnedAndDemoModeSaidLoudly(CapturedOutput output)
      throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "BATERY_1_IP=127.0.0.1\n");

    try (var context = start(env, CONTROL_OFF)) {
      assertThat(context.getBean(fr.marstek.automation.device.Batteries.class).isDemo()).isTrue();
      assertThat(context.getBean(ConfigurationWarnings.class).warnings())
          .singleElement()
          .asString()
          .contains("BATERY_1_IP", "did you mean BATTERY_1_IP?");
    }
    assertThat(output.getAll())
        .contains(
            "WARN",
            "configuration: BATERY_1_IP is not a setting this service reads, so it is ignored",
            "DEMO MODE: no BATTERY_X_IP is set");
  }
}
