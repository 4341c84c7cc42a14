package fr.marstek.automation.notify.channel;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A scheme we do not speak natively, handed to Apprise: an Apprise API server's stateless {@code
 * /notify/} endpoint, or else the {@code apprise} command with the URL in {@code APPRISE_URLS} so
 * that it never shows on a command line.
 */
final class AppriseChannel implements Channel {

  private final String raw;
  private final AppriseUrl url;
  private final URI api;
  private final Path command;
  private final Duration timeout;
  private final HttpDelivery http;

  AppriseChannel(
      String raw, AppriseUrl url, URI api, Path command, Duration timeout, HttpDelivery http) {
    this.raw = raw;
    this.url = url;
    this.api = api;
    this.command = command;
    this.timeout = timeout;
    this.http = http;
  }

  @Override
  public MaskedUrl url() {
    String user = url.user().isPresent() ? "****@" : "";
    String port = url.port().isPresent() ? ":" + url.port().getAsInt() : "";
    boolean more = !url.path().isEmpty() || raw.contains("?");
    return new MaskedUrl(url.scheme() + "://" + user + url.host() + port + (more ? "/****" : ""));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    if (api != null) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("urls", raw);
      payload.put("title", message.title());
      payload.put("body", message.body());
      payload.put("type", level.appriseType());
      String base = api.toString().endsWith("/") ? api.toString() : api + "/";
      http.postJson(base + "notify/", payload, Map.of());
      return;
    }
    runCommand(message, level);
  }

  private void runCommand(Message message, NoticeLevel level) throws DeliveryFailed {
    var builder =
        new ProcessBuilder(
                List.of(
                    command.toString(),
                    "-t",
                    message.title(),
                    "-b",
                    message.body(),
                    "-n",
                    level.appriseType()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("APPRISE_URLS", raw);
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new DeliveryFailed("apprise did not finish in time");
      }
      if (process.exitValue() != 0) {
        throw new DeliveryFailed(
            "apprise could not deliver (exit code " + process.exitValue() + ")");
      }
    } catch (IOException e) {
      throw new DeliveryFailed(
          "apprise could not be started (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted");
    }
  }
}
