package fr.marstek.automation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.MarstekAutomationApplication;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A port taken by another program: the start-up report names SERVER_PORT and how to fix it. A free
 * one: the log says where the dashboard is.
 */
@ExtendWith(OutputCaptureExtension.class)
class BusyPortTest {

  @TempDir Path dir;

  @Test
  void aBusyPortNamesServerPort(CapturedOutput output) throws Exception {
    try (var taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  new SpringApplication(MarstekAutomationApplication.class)
                      .run(
                          "--DOTENV_FILE=none",
                          "--SERVER_PORT=" + port,
                          "--API_TOKEN_FILE=" + dir.resolve("token"),
                          "--CONTROL_ENABLED=false",
                          "--DATABASE_URL=",
                          "--DATABASE_FILE=" + dir.resolve("history.db")))
          .isNotNull();

      assertThat(output.getAll())
          .contains(
              "port " + port + " (SERVER_PORT) is already used by another program",
              "set SERVER_PORT to a free port in the environment or the .env file")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void theDashboardsAddressIsLoggedAtStart(CapturedOutput output) throws Exception {
    try (var context =
        new SpringApplication(MarstekAutomationApplication.class)
            .run(
                "--DOTENV_FILE=none",
                "--SERVER_PORT=0",
                "--API_TOKEN_FILE=" + dir.resolve("token"),
                "--CONTROL_ENABLED=false",
                "--DATABASE_URL=",
                "--DATABASE_FILE=" + dir.resolve("history.db"))) {
      int port =
          ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
              .getWebServer()
              .getPort();

      assertThat(output.getAll())
          .contains(
              "Dashboard at http://localhost:" + port + "/",
              "API documentation at http://localhost:" + port + "/docs");
    }
  }
}
