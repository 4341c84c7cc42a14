package fr.marstek.automation.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the configured {@code API_TOKEN}, or generates one at first start and keeps it in a file
 * only its owner can read; the log says where, never the token itself.
 */
final class ApiTokenStore {

  private static final Logger log = LoggerFactory.getLogger(ApiTokenStore.class);

  private ApiTokenStore() {}

  static ApiToken load(Optional<String> configured, Path file, SecureRandom random) {
    if (configured.isPresent()) {
      return new ApiToken(configured.get());
    }
    try {
      if (Files.exists(file)) {
        log.info("API token read from {} (API_TOKEN is not set)", file.toAbsolutePath());
        return new ApiToken(Files.readString(file, StandardCharsets.UTF_8).trim());
      }
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (!publish(file, token)) {
        log.info("API token read from {}, written there meanwhile by another start", file);
        return new ApiToken(Files.readString(file, StandardCharsets.UTF_8).trim());
      }
      log.info(
          "API token generated and stored in {}: read it there to change settings through the API",
          file.toAbsolutePath());
      return new ApiToken(token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the API token in " + file.toAbsolutePath(), e);
    }
  }

  /**
   * Writes the token whole and private beside its final name, then links it there: a process
   * starting at the same moment sees no file or the whole file, never a half-written one, and the
   * first one wins.
   */
  private static boolean publish(Path file, String token) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path draft = Files.createTempFile(parent, ".token", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("file system without POSIX permissions; token file left with default rights");
      }
      Files.writeString(draft, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.createLink(file.toAbsolutePath(), draft);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        Files.move(
            draft, file, StandardCopyOption.ATOMIC_MOVE); // no hard links here: last one wins
        return true;
      }
    } finally {
      Files.deleteIfExists(draft);
    }
  }
}
