package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one message catalogue: every text a person reads exists in French and in English with the
 * same arguments, and every key the code names is in it.
 */
class MessageCatalogueTest {

  private static final Path RESOURCES = Path.of("src", "main", "resources");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  // Phrase.of("key", …), Arg.term("key"), term("key"): keys written in the code
  private static final Pattern KEY_IN_CODE =
      Pattern.compile("(?:Phrase\\.of|\\bterm)\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

  static Properties catalogue(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void frenchAndEnglishHaveTheSameKeysWithTheSameArguments() throws IOException {
    Properties fr = catalogue("messages_fr.properties");
    Properties en = catalogue("messages_en.properties");

    assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(placeholders(fr.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(en.getProperty(key)));
    }
  }

  @Test
  void theDefaultCatalogueIsTheEnglishOne() throws IOException {
    assertThat(catalogue("messages.properties")).isEqualTo(catalogue("messages_en.properties"));
  }

  @Test
  void everyKeyTheCodeNamesIsInTheCatalogue() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    for (TempoColour colour : TempoColour.values()) {
      named.add("colour.word." + colour.name());
    }
    for (DeviceMode mode : DeviceMode.values()) {
      named.add("deviceMode." + mode.name());
    }

    assertThat(named).as("keys found in the code").hasSizeGreaterThan(30);
    assertThat(catalogue("messages_fr.properties").stringPropertyNames()).containsAll(named);
    assertThat(catalogue("messages_en.properties").stringPropertyNames()).containsAll(named);
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
