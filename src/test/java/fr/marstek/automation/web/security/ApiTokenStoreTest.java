package fr.marstek.automation.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenStoreTest {

  @TempDir Path dir;

  @Test
  void generatesATokenAtFirstStartAndKeepsItForTheNext() throws Exception {
    Path file = dir.resolve("token");

    ApiToken first = ApiTokenStore.load(Optional.empty(), file, new SecureRandom());
    ApiToken second = ApiTokenStore.load(Optional.empty(), file, new SecureRandom());

    String stored = Files.readString(file).trim();
    assertThat(stored).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.matches(stored)).isTrue();
    assertThat(second.matches(stored)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aConfiguredTokenWinsAndNoFileIsWritten() {
    Path file = dir.resolve("token");

    ApiToken token =
        ApiTokenStore.load(Optional.of("a-very-long-household-token"), file, new SecureRandom());

    assertThat(token.matches("a-very-long-household-token")).isTrue();
    assertThat(token.matches("a-very-long-household-tokeN")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  void neverShowsItselfInText() {
    assertThat(new ApiToken("a-very-long-household-token").toString()).doesNotContain("household");
  }

  @Test
  void refusesAShortToken() {
    assertThatThrownBy(() -> new ApiToken("short")).hasMessageContaining("16");
  }
}
