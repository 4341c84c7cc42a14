package fr.marstek.automation.mqtt;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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
    int port;
    try (var probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path dir = Files.createTempDirectory("mosquitto");
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
            + "log_dest stderr\n");
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
