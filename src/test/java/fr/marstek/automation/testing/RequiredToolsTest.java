package fr.marstek.automation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredToolsTest {

  @TempDir Path bin;

  @Test
  void aMissingToolSkipsOnADeveloperMachineSayingHowToInstallIt() {
    var result = RequiredTools.decide(List.of("apprise"), bin.toString(), null);

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .hasValue("needs apprise on PATH; install it: sudo apt-get install apprise");
  }

  @Test
  void aMissingToolFailsUnderCi() {
    assertThatThrownBy(
            () -> RequiredTools.decide(List.of("chromium", "chromedriver"), bin.toString(), "true"))
        .hasMessageContaining("CI=true")
        .hasMessageContaining("chromium, chromedriver")
        .hasMessageContaining("sudo apt-get install chromium chromium-driver");
  }

  @Test
  void aToolOnThePathRunsTheTestEvenUnderCi() throws Exception {
    Path apprise =
        Files.createFile(
            bin.resolve("apprise"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(apprise).isExecutable();

    assertThat(RequiredTools.decide(List.of("apprise"), "/nowhere:" + bin, "true").isDisabled())
        .isFalse();
  }

  @Test
  void aFileThatCannotBeRunDoesNotCount() throws Exception {
    Files.createFile(bin.resolve("apprise"));

    assertThat(RequiredTools.decide(List.of("apprise"), bin.toString(), "false").isDisabled())
        .isTrue();
  }
}
