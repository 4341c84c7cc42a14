package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** The providers' one HTTP client: timeouts, redirects, and I/O errors turned into failures. */
final class TempoHttp implements AutoCloseable {

  static final String USER_AGENT = "Mozilla/5.0 (compatible; marstek-automation)";

  private final Duration timeout;

  // Built on the first request, not at start: building one loads the JDK's TLS stack (some 400
  // classes) and reads its trust store, which a service that never asks a provider (the demo)
  // would hold for nothing.
  private HttpClient client;

  TempoHttp(Duration timeout) {
    this.timeout = timeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }

  /** One HTTP answer: status, body and headers. */
  record Answer(int status, String body, HttpHeaders headers) {

    /** {@code Retry-After} in seconds (the date form is rare and ignored). */
    Optional<Duration> retryAfter() {
      return headers
          .firstValue("Retry-After")
          .flatMap(
              v -> {
                try {
                  return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
                } catch (NumberFormatException e) {
                  return Optional.empty();
                }
              });
    }
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT);
  }

  Answer send(HttpRequest request, String what) throws ProviderFailure {
    try {
      HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (HttpTimeoutException e) {
      throw ProviderFailure.retryable(
          what + " did not answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw ProviderFailure.retryable(
          what
              + " unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderFailure.retryable(what + ": interrupted");
    }
  }

  /** Failure for an unexpected status of a source without a documented error model. */
  static ProviderFailure unexpected(String what, Answer answer) {
    int s = answer.status();
    boolean retryable = s == 408 || s == 429 || s >= 500;
    return new ProviderFailure(what + " answered HTTP " + s, retryable, answer.retryAfter());
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
