package fr.marstek.automation.notify.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;

/** Sends the HTTP requests of every web channel; failures name the host only, never the path. */
final class HttpDelivery {

  static final String USER_AGENT = "Marstek-Automation";

  private final ObjectMapper json;
  private final Duration timeout;

  // Built on the first delivery, not at start: building one loads the JDK's TLS stack (some 400
  // classes) and reads its trust store, which a service without web channels would hold for
  // nothing.
  private HttpClient client;

  HttpDelivery(ObjectMapper json, Duration timeout) {
    this.json = json;
    this.timeout = timeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
    return client;
  }

  ObjectMapper json() {
    return json;
  }

  String postJson(String url, Object body, Map<String, String> headers) throws DeliveryFailed {
    return send("POST", url, "application/json", json.writeValueAsString(body), headers);
  }

  String postForm(String url, Map<String, String> fields, Map<String, String> headers)
      throws DeliveryFailed {
    return send("POST", url, "application/x-www-form-urlencoded", form(fields), headers);
  }

  String send(
      String method, String url, String contentType, String body, Map<String, String> headers)
      throws DeliveryFailed {
    URI uri = URI.create(url);
    var request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() < 200 || response.statusCode() >= 300) {
        throw new DeliveryFailed("HTTP " + response.statusCode() + " from " + uri.getHost());
      }
      return response.body();
    } catch (IOException e) {
      throw new DeliveryFailed(
          uri.getHost() + " unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted");
    }
  }

  static Map<String, String> basicAuth(String user, String password) {
    String pair = user + ":" + (password == null ? "" : password);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
