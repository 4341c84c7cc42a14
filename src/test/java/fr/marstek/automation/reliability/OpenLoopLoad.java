package fr.marstek.automation.reliability;

import static fr.marstek.automation.units.Zone.PARIS;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP requests sent at a fixed rate whatever the answers take (an open loop), so a slow server
 * shows as latency instead of slowing the client down: each latency is measured from the moment the
 * request was due, not from when it left (no coordinated omission).
 */
final class OpenLoopLoad {

  /** One kind of request in the mix: its name in the report and the path of its n-th call. */
  record Route(String name, IntFunction<String> path) {}

  /** What the load measured for one route, latencies in microseconds. */
  record Result(String route, Histogram latency, long errors) {}

  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

  private final Map<String, Recorder> latencies = new LinkedHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final Map<String, String> firstError = new ConcurrentHashMap<>();
  private final HttpClient client;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Route> mix;
  private final String token;
  private final URI base;

  OpenLoopLoad(List<Route> mix, String token, URI base) {
    this.mix = mix;
    this.token = token;
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (Route r : mix) {
      latencies.putIfAbsent(r.name(), new Recorder(HIGHEST_MICROS, 3));
      errors.putIfAbsent(r.name(), new AtomicLong());
    }
  }

  /**
   * Sends {@code perSecond} requests a second for {@code duration}, cycling through the mix, and
   * returns once every answer is in.
   */
  void run(int perSecond, Duration duration) throws InterruptedException {
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long count = duration.toSeconds() * perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Route route = mix.get(i % mix.size());
      int call = i / mix.size();
      senders.execute(() -> send(route, call, due));
    }
  }

  /** Stops sending and waits up to a minute for answers still on their way. */
  void finish() throws InterruptedException {
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);
    client.close();
  }

  /** Drops what was measured so far (the warm-up). */
  void reset() {
    latencies.values().forEach(Recorder::reset);
    errors.values().forEach(e -> e.set(0));
    firstError.clear();
  }

  List<Result> results() {
    return latencies.entrySet().stream()
        .map(
            e ->
                new Result(
                    e.getKey(), e.getValue().getIntervalHistogram(), errors.get(e.getKey()).get()))
        .toList();
  }

  Map<String, String> firstErrors() {
    return firstError;
  }

  private void send(Route route, int call, long due) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(route.path().apply(call)))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .build();
    String failure;
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      failure = response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (IOException e) {
      failure = describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e.toString();
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
    latencies.get(route.name()).recordValue(Math.min(micros, HIGHEST_MICROS));
    if (failure != null) {
      errors.get(route.name()).incrementAndGet();
      firstError.putIfAbsent(
          route.name(),
          request.uri() + " at " + java.time.LocalTime.now(PARIS) + " (host time): " + failure);
    }
  }

  /** The exception and its causes, since the JDK client often throws a bare IOException. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(text.isEmpty() ? "" : " <- ").append(t);
    }
    return text.toString();
  }
}
