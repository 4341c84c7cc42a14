package fr.marstek.automation.mqtt;

import fr.marstek.automation.testing.LocalHttpServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A real Mosquitto broker on a free loopback port, started by the test and restartable. */
final class Mosquitto implements AutoCloseable {

  private final int port;
  private final Path config;
  private Process process;

  private Mosquitto(int port, Path config) {
    this.port = port;
    this.config = config;
  }

  static Mosquitto start() throws IOException {
    return start("allow_anonymous true\n", Files.createTempDirectory("mosquitto"));
  }

  /**
   * A broker that lets in only {@code user} with {@code password} (a password file made by
   * mosquitto_passwd), as the trust model asks of a real installation.
   */
  static Mosquitto startWithAccount(String user, String password)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("mosquitto");
    Path passwords = dir.resolve("passwords");
    Process made =
        new ProcessBuilder(
                "/usr/bin/mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
            .redirectErrorStream(true)
            .start();
    String said = new String(made.getInputStream().readAllBytes());
    if (made.waitFor() != 0) {
      throw new IOException("mosquitto_passwd failed: " + said);
    }
    // Mosquitto started as root reads the file after switching to its own user: let it.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-r--r--"));
    return start("allow_anonymous false\npassword_file " + passwords + "\n", dir);
  }

  private static Mosquitto start(String access, Path dir) throws IOException {
    int port = LocalHttpServer.closedPort(); // free now; the broker binds it
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        "listener " + port + " 127.0.0.1\n" + access + "persistence false\n" + "log_dest stderr\n");
    Mosquitto broker = new Mosquitto(port, config);
    broker.launch();
    return broker;
  }

  String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  String pahoUri() {
    return "tcp://127.0.0.1:" + port;
  }

  void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void launch() throws IOException {
    process =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(config.resolveSibling("mosquitto.log").toFile())
            .start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              try (var s = new Socket("127.0.0.1", port)) {
                return true;
              }
            });
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
