package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A page that opens the event stream gets the current state at once: with one poll an hour, any
 * event after the first poll can only be that catch-up.
 */
@ServiceTest(properties = {"POLL_INTERVAL_SECONDS=3600"})
class LiveCatchUpTest {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = Files.createTempDirectory("live-catch-up");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void aNewStreamGetsTheCardsTotalsAndTempoWithoutWaitingForAPoll() throws Exception {
    // the first poll runs at start; the next one is an hour away
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(url("/api/v1/batteries/status")).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()
                        .split("\"online\":true", -1)
                        .length
                    == 4);
    List<String> lines = new CopyOnWriteArrayList<>();

    var stream =
        http.sendAsync(
            HttpRequest.newBuilder(url("/dashboard/events?lang=en"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(r -> new Thread(() -> readInto(r.body(), lines)).start());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lines)
                    .contains("event:card-1", "event:card-3", "event:summary", "event:tempo"));
    assertThat(String.join("\n", lines)).contains("Battery 1", "Online");
    stream.cancel(true);
  }

  private static void readInto(Stream<String> body, List<String> lines) {
    try (body) {
      body.forEach(lines::add);
    } catch (RuntimeException e) {
      // the stream is dropped when the test ends
    }
  }
}
