package fr.marstek.automation.reliability;

import fr.marstek.automation.MarstekAutomationApplication;
import fr.marstek.automation.testing.LocalHttpServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The service in a JVM of its own, started from the build's classes with the systemd unit's
 * small-board settings, so that its CPU time and resident memory can be read from {@code /proc}
 * apart from the simulators and clients of the test that drives it.
 */
final class ServiceProcess implements AutoCloseable {

  /** The JVM options of deploy/systemd/marstek-automation.service. */
  static final List<String> SMALL_BOARD_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:CompileThresholdScaling=3",
          "-Xss256k",
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xmx128m",
          "-XX:MaxNewSize=4m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:-AOTRecordTraining",
          "-XX:-AOTReplayTraining",
          "-XX:-UsePerfData",
          "--enable-native-access=ALL-UNNAMED");

  // Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every mainstream kernel.
  private static final double TICKS_PER_SECOND = 100;

  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServiceProcess start(Map<String, String> env, Path dir, Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Files.deleteIfExists(log);
    int port = LocalHttpServer.closedPort(); // free now; the service binds it
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(SMALL_BOARD_OPTIONS);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, serviceClasspath()));
    command.add(MarstekAutomationApplication.class.getName());
    var builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile()));
    builder.environment().putAll(env);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    return new ServiceProcess(builder.start(), port);
  }

  URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU time the service has used since it started. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // fields after the command name, which is in parentheses and may itself hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  /** Resident set size in bytes, as the kernel counts it (VmRSS). */
  long residentBytes() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The test's classpath less its test classes. Surefire may hand the fork a manifest-only jar, so
   * its Class-Path entries are expanded first.
   */
  private static List<String> serviceClasspath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar") && entry.contains("surefirebooter")) {
        try (JarFile jar = new JarFile(entry)) {
          String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
          for (String uri : manifestPath.trim().split("\\s+")) {
            entries.add(Path.of(URI.create(uri)).toString());
          }
        }
      } else {
        entries.add(entry);
      }
    }
    return entries.stream().filter(e -> !e.contains("test-classes")).toList();
  }
}
