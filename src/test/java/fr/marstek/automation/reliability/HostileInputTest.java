package fr.marstek.automation.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The service with its three simulated batteries, attacked over real HTTP: every route of the
 * OpenAPI document and every dashboard form gets generated bad input (wrong types, sizes, times,
 * ids and encodings), wrong or missing tokens, and oversized bodies. Each answer must be a 4xx
 * problem detail (a dashboard form may instead redirect to its page with the problem shown), never
 * a 5xx, and no override or pause may appear. New routes are covered as soon as they exist.
 */
@ServiceTest(properties = {"API_TOKEN=" + HostileInputTest.TOKEN})
class HostileInputTest {

  static final String TOKEN = "hostile-token-0123456789abcdef";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
    var dir = java.nio.file.Files.createTempDirectory("hostile");
    registry.add("DATABASE_FILE", () -> dir.resolve("history.db").toString());
    registry.add("API_TOKEN_FILE", () -> dir.resolve("token").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired Automation automation;
  @Autowired ControlCommands commands;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

  /** Bad path ids, already percent-encoded as a client would send them. */
  private static final List<String> BAD_IDS =
      List.of(
          "0",
          "-1",
          "4",
          "999999999999999999999999",
          "abc",
          "%20",
          "%00",
          "%FF",
          "%C3%28",
          "%E2%82",
          "%F0%9F%94%8B",
          "..",
          "1%3B2",
          "1.5",
          "1e3",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "1%0D%0AX-Injected:%20yes",
          "null",
          "%25",
          "x".repeat(4_000));

  /** Bad query values for any parameter: times, numbers, encodings and junk. */
  private static final List<String> BAD_QUERY =
      List.of(
          "not-a-value",
          "2026-13-45",
          "2026-02-30T25:61:00",
          "yesterday",
          "-1",
          "99999999999999999999",
          "1e400",
          "%00",
          "%FF",
          "%C3%28",
          "%F0%9F%94%8B",
          "%3Cscript%3E",
          "%27%20OR%201%3D1%20--",
          "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fx%7D",
          "x".repeat(3_000));

  private record Attempt(
      String label, String method, String path, String contentType, byte[] body) {}

  private record State(Object overrides, boolean paused) {}

  private State state() {
    return new State(automation.overrides(), automation.isPaused());
  }

  @BeforeEach
  void batteriesOnline() {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode health = json.readTree(send("GET", "/health", null, null, null).body());
              assertThat(health.get("batteries")).hasSize(3);
              for (JsonNode b : health.get("batteries")) {
                assertThat(b.get("online").asBoolean()).isTrue();
              }
            });
  }

  // ---------------------------------------------------------------- API routes, bad input

  @Test
  void everyApiRouteAnswersBadInputWithA4xxProblemAndChangesNothing() throws Exception {
    JsonNode api = json.readTree(send("GET", "/v3/api-docs", null, null, null).body());
    List<Attempt> attempts = new ArrayList<>();
    Set<String> routes = new TreeSet<>();
    Set<String> fuzzed = new TreeSet<>();
    for (var path : api.get("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        String method = operation.getKey();
        routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        List<Attempt> generated = generate(api, path.getKey(), method, operation.getValue());
        if (!generated.isEmpty()) {
          fuzzed.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        }
        attempts.addAll(generated);
      }
    }
    State before = state();
    List<String> failures = new ArrayList<>();
    for (Attempt attempt : attempts) {
      var response = send(attempt, "Bearer " + TOKEN);
      expectProblem(attempt, response, failures);
      if (!state().equals(before)) {
        failures.add(attempt.label() + ": changed the state to " + state());
        cleanUp();
      }
    }
    System.out.printf(
        "HostileInputTest: %d routes in /v3/api-docs, %d with inputs to fuzz, %d bad inputs%n",
        routes.size(), fuzzed.size(), attempts.size());
    assertThat(routes).hasSizeGreaterThanOrEqualTo(15);
    assertThat(fuzzed)
        .contains(
            "GET /api/v1/batteries/{id}",
            "POST /api/v1/batteries/{id}/mode",
            "POST /api/v1/batteries/mode",
            "DELETE /api/v1/batteries/{id}/override",
            "GET /api/v1/history/telemetry");
    assertThat(failures).isEmpty();
  }

  private List<Attempt> generate(JsonNode api, String path, String method, JsonNode operation) {
    List<String> pathParams = new ArrayList<>();
    List<String> queryParams = new ArrayList<>();
    for (JsonNode p : operation.path("parameters")) {
      // header parameters (Accept) choose a representation: not fuzzed here
      switch (p.get("in").asString()) {
        case "path" -> pathParams.add(p.get("name").asString());
        case "query" -> queryParams.add(p.get("name").asString());
        default -> {}
      }
    }
    JsonNode bodySchema =
        resolve(api, operation.path("requestBody").path("content").path("application/json"))
            .path("schema");
    bodySchema = resolve(api, bodySchema);
    String verb = method.toUpperCase(java.util.Locale.ROOT);
    String validPath = fill(path, Map.of());
    byte[] validBody = bodySchema.isMissingNode() ? null : baseBody(api, bodySchema).getBytes();
    String validType = validBody == null ? null : "application/json";
    List<Attempt> attempts = new ArrayList<>();
    for (String name : pathParams) {
      for (String bad : BAD_IDS) {
        attempts.add(
            new Attempt(
                verb + " " + path + " {" + name + "}=" + shorten(bad),
                verb,
                fill(path, Map.of(name, bad)),
                validType,
                validBody));
      }
    }
    for (String name : queryParams) {
      for (String bad : BAD_QUERY) {
        attempts.add(
            new Attempt(
                verb + " " + path + " ?" + name + "=" + shorten(bad),
                verb,
                validPath + "?" + name + "=" + bad,
                validType,
                validBody));
      }
    }
    if (validBody != null) {
      for (var body : badBodies(api, bodySchema).entrySet()) {
        attempts.add(
            new Attempt(
                verb + " " + path + " body " + body.getKey(),
                verb,
                validPath,
                "application/json",
                body.getValue()));
      }
      for (String type :
          List.of(
              "text/plain",
              "application/xml",
              "application/x-www-form-urlencoded",
              "multipart/form-data; boundary=x",
              "application/json; charset=klingon")) {
        attempts.add(
            new Attempt(verb + " " + path + " as " + type, verb, validPath, type, validBody));
      }
      attempts.add(new Attempt(verb + " " + path + " no body type", verb, validPath, null, null));
    }
    return attempts;
  }

  private static String fill(String path, Map<String, String> values) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static JsonNode resolve(JsonNode api, JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
    return api.path("components").path("schemas").path(name);
  }

  /** The required properties with a valid value each; alone, a valid request. */
  private String baseBody(JsonNode api, JsonNode schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (JsonNode name : schema.path("required")) {
      JsonNode property = resolve(api, schema.path("properties").path(name.asString()));
      body.put(name.asString(), sample(property));
    }
    return json.writeValueAsString(body);
  }

  private static Object sample(JsonNode property) {
    if (property.has("enum")) {
      return property.get("enum").get(0).asString();
    }
    return switch (property.path("type").asString("string")) {
      case "integer", "number" -> 1;
      case "boolean" -> false;
      default -> "x";
    };
  }

  /**
   * Whole bodies that are not a request, then each property set to values of the wrong kind or out
   * of range (none of which a lenient reader could turn into a valid request).
   */
  private Map<String, byte[]> badBodies(JsonNode api, JsonNode schema) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String raw :
        List.of(
            "",
            " ",
            "not json",
            "{",
            "{\"mode\":",
            "[]",
            "null",
            "42",
            "\"AUTO\"",
            "{}",
            "[".repeat(20_000) + "]".repeat(20_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "\uFEFF{}",
            "{\"mode\":\"AUTO\",}")) {
      bodies.put("raw " + shorten(raw), raw.getBytes(StandardCharsets.UTF_8));
    }
    bodies.put(
        "invalid UTF-8",
        new byte[] {'{', '"', 'm', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    bodies.put("UTF-16", "{\"mode\":\"TURBO\"}".getBytes(StandardCharsets.UTF_16));
    Map<String, Object> base = json.readValue(baseBody(api, schema), LinkedHashMap.class);
    for (var property : schema.path("properties").properties()) {
      String name = property.getKey();
      boolean required = false;
      for (JsonNode r : schema.path("required")) {
        required |= r.asString().equals(name);
      }
      if (required) {
        Map<String, Object> without = new LinkedHashMap<>(base);
        without.remove(name);
        bodies.put("without " + name, json.writeValueAsBytes(without));
      }
      for (Object wrong : wrongValues(resolve(api, property.getValue()))) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(name, wrong);
        bodies.put(name + "=" + shorten(String.valueOf(wrong)), json.writeValueAsBytes(body));
      }
    }
    return bodies;
  }

  private static List<Object> wrongValues(JsonNode property) {
    List<Object> wrong = new ArrayList<>(List.of(List.of(), Map.of("a", 1), List.of(1, 2)));
    String type = property.path("type").asString("string");
    switch (type) {
      case "integer", "number" -> {
        wrong.addAll(
            List.of(
                "abc",
                "1.5x",
                new java.math.BigInteger("1" + "0".repeat(40)),
                99_999_999_999L,
                -99_999_999_999L,
                1e300));
      }
      case "boolean" -> wrong.addAll(List.of("maybe", "yes please"));
      default -> {
        // strings: enums, date-times, durations and free text alike
        wrong.addAll(
            List.of(
                "TURBO",
                "soon",
                "yesterday",
                "P",
                "PT-1H",
                "PT0S",
                "P3650D",
                "2020-01-01T00:00:00+01:00",
                "2999-01-01T00:00:00Z",
                "2026-02-30T25:61:00Z",
                "\u0000",
                "\uD83D\uDD0B",
                "x".repeat(10_000),
                -5,
                0,
                1e30,
                ""));
      }
    }
    return wrong;
  }

  // ---------------------------------------------------------------- dashboard forms, bad input

  @Test
  void everyDashboardFormAnswersBadFieldsWithoutA5xxAndChangesNothing() throws Exception {
    String cookie = logIn("10.1.0.1");
    String csrf = csrfOf(cookie);
    List<String> failures = new ArrayList<>();
    State before = state();
    int sent = 0;
    for (var form : forms().entrySet()) {
      Map<String, Field> fields = form.getValue();
      Map<String, String> base = new LinkedHashMap<>();
      fields.forEach((name, type) -> base.put(name, validField(name, csrf)));
      for (String name : fields.keySet()) {
        for (String bad : badFields(name, fields.get(name))) {
          Map<String, String> values = new LinkedHashMap<>(base);
          if (bad == null) {
            values.remove(name);
          } else {
            values.put(name, bad);
          }
          String label = "POST " + form.getKey() + " " + name + "=" + shorten(String.valueOf(bad));
          var response =
              http.send(
                  HttpRequest.newBuilder(uri(form.getKey()))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Cookie", cookie)
                      .header("X-Forwarded-For", "10.2.0." + (sent % 250 + 1))
                      .POST(HttpRequest.BodyPublishers.ofString(formBody(values)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          sent++;
          int status = response.statusCode();
          boolean backToPage =
              status == 302
                  && response
                      .headers()
                      .firstValue("Location")
                      .orElse("")
                      .matches(".*/(settings)?(\\?.*)?");
          if (status >= 400 && status < 500) {
            expectProblem(
                new Attempt(label, "POST", form.getKey(), null, null), response, failures);
          } else if (!backToPage) {
            failures.add(label + ": answered " + status);
          }
          if (!state().equals(before)) {
            failures.add(label + ": changed the state to " + state());
            cleanUp();
          }
        }
      }
    }
    System.out.printf(
        "HostileInputTest: %d dashboard forms, %d bad submissions%n", forms().size(), sent);
    assertThat(forms().keySet())
        .contains("/login", "/logout", "/dashboard/override", "/dashboard/pause");
    assertThat(failures).isEmpty();
    // and the session survived the lot
    assertThat(csrfOf(cookie)).isEqualTo(csrf);
  }

  /** Every POST handler outside the API, with its form fields, read from Spring's own mappings. */
  private Map<String, Map<String, Field>> forms() {
    Map<String, Map<String, Field>> forms = new java.util.TreeMap<>();
    handlers
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                  continue;
                }
                Map<String, Field> fields = new LinkedHashMap<>();
                for (MethodParameter parameter : method.getMethodParameters()) {
                  RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                  if (param != null) {
                    String name = param.name().isEmpty() ? param.value() : param.name();
                    if (name.isEmpty()) {
                      parameter.initParameterNameDiscovery(
                          new org.springframework.core.DefaultParameterNameDiscoverer());
                      name = parameter.getParameterName();
                    }
                    boolean required =
                        param.required()
                            && param
                                .defaultValue()
                                .equals(
                                    org.springframework.web.bind.annotation.ValueConstants
                                        .DEFAULT_NONE);
                    fields.put(name, new Field(parameter.getParameterType(), required));
                  }
                }
                forms.put(pattern, fields);
              }
            });
    return forms;
  }

  private static String validField(String name, String csrf) {
    return switch (name) {
      case "csrf" -> csrf;
      case "battery" -> "all";
      case "mode" -> "AUTO";
      case "token" -> "wrong-token-but-long-enough";
      default -> "";
    };
  }

  /** A form field: its Java type, and whether leaving it out is a mistake. */
  private record Field(Class<?> type, boolean required) {}

  private static List<String> badFields(String name, Field field) {
    Class<?> type = field.type();
    List<String> bad = new ArrayList<>();
    if (field.required() || name.equals("csrf")) {
      bad.add(null);
    }
    if (name.equals("csrf")) {
      bad.addAll(List.of("", "wrong", "x".repeat(5_000), "\u0000", "é"));
      return bad;
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      bad.addAll(List.of("abc", "1.5", "1e40", "99999999999", "-", "\u0000", "x".repeat(5_000)));
      return bad;
    }
    bad.addAll(
        List.of(
            "9",
            "-1",
            "TURBO",
            "yesterday",
            "2020-01-01T00:00",
            "2026-02-30T25:61",
            "2999-01-01T00:00",
            "\u0000",
            "é",
            "\uD83D\uDD0B",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "x".repeat(5_000)));
    return bad;
  }

  private static String formBody(Map<String, String> values) {
    List<String> pairs = new ArrayList<>();
    values.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  // ---------------------------------------------------------------- tokens and CSRF

  @Test
  void everyStateChangingRouteRefusesAMissingOrWrongToken() throws Exception {
    JsonNode api = json.readTree(send("GET", "/v3/api-docs", null, null, null).body());
    List<String> wrongHeaders =
        java.util.Arrays.asList(
            null,
            "",
            "Bearer",
            "Bearer ",
            "Bearer " + TOKEN.substring(0, TOKEN.length() - 1),
            "Bearer " + TOKEN + "x",
            "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT),
            "bearer " + TOKEN,
            "Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + TOKEN).getBytes()),
            "Token " + TOKEN,
            TOKEN);
    State before = state();
    List<String> failures = new ArrayList<>();
    Set<String> writes = new TreeSet<>();
    int sent = 0;
    for (var path : api.get("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        if (!WRITES.contains(operation.getKey())) {
          continue;
        }
        String verb = operation.getKey().toUpperCase(java.util.Locale.ROOT);
        writes.add(verb + " " + path.getKey());
        for (String header : wrongHeaders) {
          Attempt attempt =
              new Attempt(
                  verb + " " + path.getKey() + " with " + shorten(String.valueOf(header)),
                  verb,
                  fill(path.getKey(), Map.of()),
                  "application/json",
                  "{\"mode\":\"AI\",\"duration\":\"PT1H\"}".getBytes(StandardCharsets.UTF_8));
          var response = send(attempt, header);
          sent++;
          if (response.statusCode() != 401) {
            failures.add(attempt.label() + ": answered " + response.statusCode());
          }
          expectProblem(attempt, response, failures);
        }
      }
    }
    // the dashboard's forms: without a session, and with a session but without its form token
    String cookie = logIn("10.1.0.2");
    for (String form : forms().keySet()) {
      if (form.equals("/login")) {
        continue;
      }
      for (String session : java.util.Arrays.asList(null, cookie)) {
        for (String csrf : java.util.Arrays.asList(null, "", "forged")) {
          Map<String, String> values = new LinkedHashMap<>();
          values.put("battery", "all");
          values.put("mode", "AI");
          if (csrf != null) {
            values.put("csrf", csrf);
          }
          var request =
              HttpRequest.newBuilder(uri(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(formBody(values)));
          if (session != null) {
            request.header("Cookie", session);
          }
          var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
          sent++;
          String label = "POST " + form + (session == null ? " anonymous" : "") + " csrf=" + csrf;
          if (response.statusCode() != 403) {
            failures.add(label + ": answered " + response.statusCode());
          }
          expectProblem(new Attempt(label, "POST", form, null, null), response, failures);
        }
      }
    }
    System.out.printf(
        "HostileInputTest: %d state-changing API routes and %d forms, %d refused requests%n",
        writes.size(), forms().size() - 1, sent);
    assertThat(writes)
        .contains(
            "POST /api/v1/batteries/{id}/mode",
            "DELETE /api/v1/batteries/{id}/override",
            "POST /api/v1/automation/pause");
    assertThat(failures).isEmpty();
    assertThat(state()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- sizes

  @Test
  void anOversizedBodyIsRefusedWith413WhateverItsFraming() throws Exception {
    State before = state();
    String huge = "{\"mode\":\"AI\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
    var declared =
        send(
            new Attempt(
                "declared",
                "POST",
                "/api/v1/batteries/mode",
                "application/json",
                huge.getBytes(StandardCharsets.UTF_8)),
            "Bearer " + TOKEN);
    var chunked =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/batteries/mode"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var form =
        http.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + "x".repeat(70_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var smallChunked =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/batteries/mode"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("{\"mode\":\"TURBO\"}".getBytes())))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    for (var response : List.of(declared, chunked, form)) {
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json.readTree(response.body()).get("detail").asString()).contains("65536 bytes");
    }
    // a small body of unknown length still reaches the API, which reads it
    assertThat(smallChunked.statusCode()).isEqualTo(400);
    assertThat(json.readTree(smallChunked.body()).get("detail").asString()).contains("TURBO");
    assertThat(state()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- helpers

  private void expectProblem(Attempt attempt, HttpResponse<String> response, List<String> out) {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status < 400 || status >= 500) {
      out.add(attempt.label() + ": answered " + status + " " + shorten(response.body()));
      return;
    }
    if (!type.startsWith("application/problem+json")) {
      out.add(attempt.label() + ": " + status + " as '" + type + "' " + shorten(response.body()));
      return;
    }
    try {
      JsonNode problem = json.readTree(response.body());
      if (problem.path("status").asInt() != status || problem.path("title").asString().isEmpty()) {
        out.add(attempt.label() + ": problem without status/title " + shorten(response.body()));
      }
    } catch (RuntimeException e) {
      out.add(attempt.label() + ": problem body is not JSON " + shorten(response.body()));
    }
  }

  private void cleanUp() {
    commands.submit(new ControlCommand.ClearOverride(java.util.Optional.empty()));
    commands.submit(new ControlCommand.Pause(false));
  }

  private String logIn(String from) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private String csrfOf(String cookie) throws Exception {
    var page =
        http.send(
            HttpRequest.newBuilder(uri("/")).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as("a logged-in page carries its form token").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private int wrongTokens;

  private HttpResponse<String> send(Attempt attempt, String authorization) throws Exception {
    return send(
        attempt.method(), attempt.path(), attempt.contentType(), attempt.body(), authorization);
  }

  private HttpResponse<String> send(
      String method, String path, String contentType, byte[] body, String authorization)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
      if (!authorization.equals("Bearer " + TOKEN)) {
        // each wrong token from an address of its own: the token rate limit (10 per address) is
        // SecurityTest's business, and the right token must keep working from this one
        int n = wrongTokens++;
        request.header("X-Forwarded-For", "10.250." + (n / 250) + "." + (n % 250 + 1));
      }
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\n", " ");
    return oneLine.length() > 60
        ? oneLine.substring(0, 60) + "...(" + text.length() + ")"
        : oneLine;
  }
}
