package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every variable documented in {@code .env.example}, set wrong in turn (the others unset or valid):
 * the start-up check reports exactly one line, naming that variable and what it expects. A variable
 * that takes any text is listed below with the reason; the test also proves that no wrong value is
 * found for it, so the list cannot go stale.
 */
class ConfigurationMistakesTest {

  /** Wrong values, tried in order until one is refused. */
  private static final List<String> WRONG =
      List.of(
          "not-valid!",
          "-1",
          "99999999",
          "0",
          "ftp://example",
          "http://",
          "a,b,c",
          "x".repeat(300));

  /** Variables that accept any text, and why. */
  private static final Map<String, String> ANY_TEXT =
      Map.of(
          "DOTENV_FILE",
              "a path or none; checked when the file is read (a missing one stops start-up)",
          "DATABASE_FILE", "a path; SQLite creates the file (a wrong path fails at open, with it)",
          "POSTGRES_USER", "any PostgreSQL user name; the server judges it",
          "POSTGRES_PASSWORD", "any password; the server judges it",
          "API_TOKEN_FILE", "a path; a generated token is written there",
          "RTE_CLIENT_ID",
              "an opaque id issued by RTE; only its pairing with the secret is checked",
          "RTE_CLIENT_SECRET", "an opaque secret issued by RTE",
          "MQTT_USERNAME", "any broker account name",
          "MQTT_PASSWORD", "any broker password");

  /** Valid neighbours a variable needs to be read at all (a port needs its battery). */
  private static Map<String, String> companions(String name) {
    Map<String, String> extra = new HashMap<>();
    Matcher battery = Pattern.compile("BATTERY_(\\d+)_(.+)").matcher(name);
    if (battery.matches() && !battery.group(2).equals("IP")) {
      extra.put("BATTERY_" + battery.group(1) + "_IP", "192.168.1.100");
    }
    if (name.startsWith("MQTT_") && !name.equals("MQTT_URL")) {
      extra.put("MQTT_URL", "mqtt://127.0.0.1:1883");
    }
    if (name.equals("RTE_CLIENT_ID")) {
      extra.put("RTE_CLIENT_SECRET", "secret-from-rte");
    }
    if (name.equals("RTE_CLIENT_SECRET")) {
      extra.put("RTE_CLIENT_ID", "id-from-rte");
    }
    return extra;
  }

  private static Set<String> documentedVariables() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=")
            .matcher(Files.readString(Path.of(".env.example")));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> problemsWith(String name, String value) {
    Map<String, String> values = companions(name);
    values.put(name, value);
    try {
      SettingsCheck.check(new Variables(values));
      return List.of();
    } catch (InvalidConfiguration e) {
      return e.problems();
    }
  }

  @Test
  void everyDocumentedVariableSetWrongGivesOneLineNamingIt() throws IOException {
    Set<String> names = documentedVariables();
    assertThat(names).hasSizeGreaterThan(60).contains("BATTERY_1_IP", "API_TOKEN");
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (String name : names) {
      Optional<String> wrong =
          WRONG.stream().filter(v -> !problemsWith(name, v).isEmpty()).findFirst();
      if (ANY_TEXT.containsKey(name)) {
        wrong.ifPresent(v -> failures.add(name + " is listed as any text but refuses " + v));
        continue;
      }
      if (wrong.isEmpty()) {
        failures.add(name + ": no wrong value refused");
        continue;
      }
      refused++;
      List<String> problems = problemsWith(name, wrong.get());
      if (problems.size() != 1
          || !problems.get(0).startsWith(name + "=")
          || !problems.get(0).contains(": expected ")) {
        failures.add(name + "=" + wrong.get() + " gave " + problems);
      }
    }
    System.out.printf(
        "ConfigurationMistakesTest: %d variables in .env.example, %d refused with one line each,"
            + " %d take any text%n",
        names.size(), refused, ANY_TEXT.size());
    assertThat(failures).isEmpty();
    assertThat(names).containsAll(ANY_TEXT.keySet());
  }

  @Test
  void aSecretsWrongValueIsNeverPrinted() {
    var problems = problemsWith("API_TOKEN", "short-secret");

    assertThat(problems).singleElement().asString().doesNotContain("short-secret");
  }
}
