package fr.marstek.automation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the deployment files are checked statically: they parse, use only
 * documented variables, and build and run the same jar as the README.
 */
class DeploymentFilesTest {

  private static final String JAR = "target/marstek-automation.jar";

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  private static Set<String> documentedVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(read(".env.example"));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return (Map<String, Object>) new Yaml().load(read("docker-compose.yml"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  /** Dockerfile lines with their continuations joined, comments dropped. */
  private static List<String> dockerfile() throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : read("Dockerfile").split("\n")) {
      if (line.startsWith("#") || (line.isBlank() && current.isEmpty())) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        current.append(' ');
      } else {
        instructions.add(current.toString());
        current.setLength(0);
      }
    }
    return instructions;
  }

  @Test
  void theComposeFileParsesAndRunsTheServiceWithTimescaleDbAndAnOptionalMosquitto()
      throws IOException {
    Map<String, Object> timescale = service("timescaledb");
    Map<String, Object> app = service("marstek-automation");
    Map<String, Object> mosquitto = service("mosquitto");

    assertThat(timescale.get("image").toString())
        .as("a pinned version, not a moving tag")
        .matches("timescale/timescaledb:\\d+\\.\\d+\\.\\d+-pg16");
    assertThat((List<String>) cast(timescale.get("volumes")))
        .contains("timescaledb-data:/var/lib/postgresql/data");
    assertThat((Map<String, Object>) cast(compose().get("volumes")))
        .containsKey("timescaledb-data");
    assertThat(app.get("env_file")).isEqualTo(".env");
    assertThat(app.get("build")).isEqualTo(".");
    assertThat((List<String>) cast(app.get("ports"))).singleElement().asString().endsWith(":8000");
    assertThat(cast(app.get("depends_on")).toString()).contains("timescaledb", "service_healthy");
    assertThat((List<String>) cast(mosquitto.get("profiles"))).containsExactly("mqtt");
    assertThat(timescale).doesNotContainKey("profiles");
    assertThat(Path.of("deploy/mosquitto/mosquitto.conf")).exists();
  }

  /**
   * A moving tag (latest, 2) changes what runs under an unchanged compose file. The service's own
   * image is the exception: compose builds it here from this checkout ({@code build: .}), so its
   * tag names no release.
   */
  @Test
  void everyImageTheComposeFilePullsHasAFullVersion() throws IOException {
    Map<String, Map<String, Object>> services = cast(compose().get("services"));
    assertThat(services).hasSizeGreaterThanOrEqualTo(3);
    services.forEach(
        (name, service) -> {
          String image = service.get("image").toString();
          if (service.containsKey("build")) {
            assertThat(image).as(name).isEqualTo("marstek-automation:latest");
          } else {
            assertThat(image).as(name).matches("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?");
          }
        });
    assertThat(service("mosquitto").get("image")).isEqualTo("eclipse-mosquitto:2.0.22");
    assertThat(read("docs/DEPLOY.md")).contains("`eclipse-mosquitto:2.0.22`");
  }

  @Test
  void theComposeFileUsesOnlyVariablesThatEnvExampleDocuments() throws IOException {
    Set<String> used = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)")
            .matcher(read("docker-compose.yml").replaceAll("(?m)^\\s*#.*$", ""));
    while (m.find()) {
      used.add(m.group(1));
    }

    assertThat(used).contains("POSTGRES_PASSWORD", "DATABASE_URL");
    assertThat(documentedVariables()).containsAll(used);
  }

  @Test
  void theDockerfileBuildsTheReadmeJarWithTheWrapperOnTemurin25() throws IOException {
    List<String> lines = dockerfile();
    String pom = read("pom.xml");

    assertThat(pom).contains("<finalName>marstek-automation</finalName>");
    assertThat(read("README.md")).contains(JAR);
    assertThat(lines)
        .contains("FROM eclipse-temurin:25-jdk AS build", "FROM eclipse-temurin:25-jre");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("./mvnw", " package", "-Djarmode=tools -jar " + JAR + " extract"));
    List<String> copied =
        lines.stream()
            .filter(l -> l.startsWith("COPY ") && !l.contains("--from="))
            .flatMap(
                l -> {
                  List<String> words = List.of(l.substring(5).trim().split("\\s+"));
                  return words.subList(0, words.size() - 1).stream();
                })
            .toList();
    assertThat(copied).containsExactly("mvnw", "pom.xml", ".mvn/", "src/");
    assertThat(copied).allSatisfy(source -> assertThat(Path.of(source)).exists());
  }

  @Test
  void theImageRunsAsANonRootUserWithAHealthCheckAndTheTrainedAotCache() throws IOException {
    List<String> lines = dockerfile();
    String lastUser =
        lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
    String runtime =
        String.join(
            "\n", lines.subList(lines.indexOf("FROM eclipse-temurin:25-jre"), lines.size()));

    assertThat(lastUser.substring(5).split(":")[0]).isNotIn("root", "0");
    assertThat(runtime).contains("useradd --system");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("HEALTHCHECK ").contains("/health", "' 200 '"));
    assertThat(runtime)
        .contains("-XX:AOTCacheOutput=/app/app.aot", "-Dspring.context.exit=onRefresh")
        .contains("-XX:AOTCache=/app/app.aot -jar /app/marstek-automation.jar");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("ENTRYPOINT ").contains("$JAVA_OPTS"));
    assertThat(read(".dockerignore")).contains("target/", ".env");
  }

  @Test
  void theSystemdUnitRunsTheJarAsAnUnprivilegedUserAndRestartsIt() throws IOException {
    String unit = read("deploy/systemd/marstek-automation.service");

    assertThat(unit).contains("[Unit]", "[Service]", "[Install]", "WantedBy=multi-user.target");
    assertThat(unit).containsPattern("(?m)^User=marstek$").doesNotContainPattern("(?m)^User=root");
    assertThat(unit).containsPattern("(?m)^ExecStart=.*marstek-automation\\.jar");
    // Debian 12's /usr/bin/java is Java 17, which cannot run the jar
    assertThat(unit)
        .doesNotContainPattern("(?m)^ExecStart=.*/usr/bin/java")
        .containsPattern("(?m)^Environment=\"JAVA=/usr/lib/jvm/temurin-25-[a-z0-9-]+/bin/java\"$");
    assertThat(unit).containsPattern("(?m)^Restart=on-failure$");
    assertThat(unit).containsPattern("(?m)^WorkingDirectory=/opt/marstek-automation$");
  }

  @Test
  void grafanaLoadsTheDashboardFromProvisioningFilesAsWellAsByImport() throws IOException {
    Map<String, Object> provisioning =
        new Yaml().load(read("deploy/grafana/provisioning/dashboards/marstek-automation.yaml"));
    List<Map<String, Object>> providers = cast(provisioning.get("providers"));
    Map<String, Object> options = cast(providers.getFirst().get("options"));
    assertThat(providers.getFirst().get("type")).isEqualTo("file");
    assertThat(options.get("path")).isEqualTo("/var/lib/grafana/dashboards/marstek-automation");
    assertThat(read("docs/DEPLOY.md"))
        .contains("`deploy/grafana` on `/var/lib/grafana/dashboards/marstek-automation`");
    Map<String, Object> datasources =
        new Yaml().load(read("deploy/grafana/provisioning/datasources/prometheus.yaml"));
    assertThat(datasources.toString()).contains("type=prometheus");

    // A provisioned dashboard gets no import prompt: ${DS_PROMETHEUS} must be a variable of its
    // own.
    String dashboard = read("deploy/grafana/marstek-automation.json");
    assertThat(dashboard).contains("${DS_PROMETHEUS}");
    Map<String, Object> json = new Yaml().load(dashboard); // JSON is YAML
    Map<String, Object> templating = cast(json.get("templating"));
    List<Map<String, Object>> variables = cast(templating.get("list"));
    assertThat(variables)
        .anySatisfy(
            v -> {
              assertThat(v.get("name")).isEqualTo("DS_PROMETHEUS");
              assertThat(v.get("type")).isEqualTo("datasource");
              assertThat(v.get("query")).isEqualTo("prometheus");
            });
  }

  @Test
  void deployDocsSayTheDockerFilesAreCheckedStaticallyNotRun() throws IOException {
    assertThat(read("docs/DEPLOY.md")).contains("checked statically", "not run");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
