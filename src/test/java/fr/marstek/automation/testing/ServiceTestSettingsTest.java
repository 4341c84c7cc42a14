package fr.marstek.automation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A test's own settings win over the shared ones of {@link ServiceTest}, and blank means unset. */
@ServiceTest(
    webEnvironment = WebEnvironment.NONE,
    properties = {"MARSTEK_READ_TIMEOUT_MS=400", "POLL_INTERVAL_SECONDS=", "CONTROL_ENABLED=false"})
class ServiceTestSettingsTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    Path directory = Files.createTempDirectory("service-test-settings");
    registry.add("DATABASE_FILE", () -> directory.resolve("history.db").toString());
  }

  @Autowired Environment environment;

  @Test
  void theTestsOwnSettingsWinAndTheOthersAreShared() {
    assertThat(environment.getProperty("MARSTEK_READ_TIMEOUT_MS")).isEqualTo("400");
    assertThat(environment.getProperty("POLL_INTERVAL_SECONDS")).isEmpty();
    assertThat(environment.getProperty("MARSTEK_WRITE_TIMEOUT_MS")).isEqualTo("500");
    assertThat(environment.getProperty("DOTENV_FILE")).isEqualTo("none");
    assertThat(environment.getProperty("API_TOKEN")).isEqualTo(ServiceTest.TOKEN);
  }
}
