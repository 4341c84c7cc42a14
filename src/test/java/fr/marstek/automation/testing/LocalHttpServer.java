package fr.marstek.automation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 (ephemeral port) that replays fixtures and records requests. */
public final class LocalHttpServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Seen(
      String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  /** One scripted answer. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public static Reply fixture(String name) {
      return new Reply(200, read(name), Map.of());
    }

    public static Reply json(int status, String body) {
      return new Reply(status, body, Map.of());
    }

    public static Reply status(int status) {
      return new Reply(status, "", Map.of());
    }

    public static Reply errorFixture(int status, String name) {
      return new Reply(status, read(name), Map.of());
    }

    public Reply withHeader(String name, String value) {
      var h = new java.util.HashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, Map.copyOf(h));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Reply> always = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  public LocalHttpServer() {
    this(0);
  }

  /** On a chosen port: a provider that was unreachable (nothing listening) comes back there. */
  public LocalHttpServer(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static String read(String fixture) {
    try (InputStream in = LocalHttpServer.class.getResourceAsStream("/tempo/fixtures/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on now: a connection to it is refused. */
  public static int closedPort() {
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers {@code path} with {@code reply} whenever nothing is scripted for it. */
  public LocalHttpServer always(String path, Reply reply) {
    always.put(path, reply);
    return this;
  }

  /** Answers the next requests to {@code path} with these replies, in order. */
  public LocalHttpServer then(String path, Reply... replies) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  public List<Seen> seen(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Reply reply = next(path);
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    if (!reply.body().isEmpty()) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private synchronized Reply next(String path) {
    Deque<Reply> queue = scripted.get(path);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    return always.getOrDefault(path, Reply.status(404));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
