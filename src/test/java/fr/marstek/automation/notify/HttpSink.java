package fr.marstek.automation.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP server on loopback that records every request, as the notification services would
 * receive them.
 */
public final class HttpSink implements AutoCloseable {

  /** One request as received. Header names are lower-case. */
  public record Received(
      String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public HttpSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers =
              exchange.getRequestHeaders().entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                          e -> String.join(",", e.getValue()),
                          (a, b) -> a));
          boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  headers,
                  body));
          byte[] reply =
              (fail ? "{\"ok\":false}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(fail ? 503 : 200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
  }

  /** A sink already listening, for a static field. */
  public static HttpSink started() {
    try {
      return new HttpSink();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The next {@code count} requests are answered 503. */
  public void failNext(int count) {
    failuresLeft.set(count);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static Duration patience() {
    return Duration.ofSeconds(20);
  }
}
