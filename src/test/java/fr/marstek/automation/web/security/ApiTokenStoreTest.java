package fr.marstek.automation.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void servicesStartingTogetherAgreeOnOneWholeToken() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path file = dir.resolve("token-" + round);
      var start = new CountDownLatch(1);
      var pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<ApiToken>> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          tokens.add(
              pool.submit(
                  () -> {
                    start.await();
                    return ApiTokenStore.load(Optional.empty(), file, new SecureRandom());
                  }));
        }
        start.countDown();
        List<ApiToken> held = new ArrayList<>();
        for (Future<ApiToken> token : tokens) {
          held.add(token.get());
        }
        String stored = Files.readString(file).trim();
        for (ApiToken token : held) {
          assertThat(token.matches(stored))
              .as("round %d: every start holds the token the file keeps", round)
              .isTrue();
        }
        assertThat(stored).hasSizeGreaterThanOrEqualTo(40);
      } finally {
        pool.shutdownNow();
      }
    }
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("token-"));
    }
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
