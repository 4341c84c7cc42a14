package fr.marstek.automation.web.api;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks {@code @redocly/cli lint} makes with its recommended rules that matter to a user of
 * Swagger UI (hand-written: Redocly needs npm and the network), plus swagger-parser's own
 * validation of the document's structure.
 */
final class OpenApiLint {

  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
  private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private OpenApiLint() {}

  /** Everything wrong with the document, one line each; empty when it lints clean. */
  static List<String> problems(String document) {
    List<String> problems = new ArrayList<>();
    var options = new ParseOptions();
    options.setResolve(true);
    var parsed = new OpenAPIV3Parser().readContents(document, null, options);
    if (parsed.getMessages() != null) {
      parsed.getMessages().forEach(m -> problems.add("structure: " + m));
    }
    JsonNode api = JsonMapper.builder().build().readTree(document);
    JsonNode info = api.path("info");
    if (info.path("title").asString("").isBlank()
        || info.path("title").asString("").equals("OpenAPI definition")) {
      problems.add("info.title is springdoc's placeholder: " + info.path("title"));
    }
    if (info.path("version").asString("").isBlank()
        || info.path("version").asString("").equals("v0")) {
      problems.add("info.version is springdoc's placeholder: " + info.path("version"));
    }
    Set<String> schemes =
        new HashSet<>(api.path("components").path("securitySchemes").propertyNames());
    checkSecurity(api.path("security"), schemes, "document", problems);
    Set<String> ids = new HashSet<>();
    for (var path : api.path("paths").properties()) {
      String route = path.getKey();
      if (!route.startsWith("/api/") && !route.equals("/health")) {
        problems.add(route + ": not an API route (the dashboard's own routes stay out)");
      }
      if (route.length() > 1 && route.endsWith("/")) {
        problems.add(route + ": trailing slash");
      }
      for (var entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + route;
        checkOperation(where, route, entry.getKey(), entry.getValue(), schemes, ids, problems);
      }
    }
    checkReferences(api, api, problems);
    return problems;
  }

  private static void checkOperation(
      String where,
      String route,
      String method,
      JsonNode operation,
      Set<String> schemes,
      Set<String> ids,
      List<String> problems) {
    String id = operation.path("operationId").asString("");
    if (!OPERATION_ID.matcher(id).matches()) {
      problems.add(where + ": operationId '" + id + "' is missing or not a camelCase name");
    } else if (!ids.add(id)) {
      problems.add(where + ": operationId '" + id + "' is used twice");
    }
    if (operation.path("summary").asString("").isBlank()) {
      problems.add(where + ": no summary");
    }
    checkSecurity(operation.path("security"), schemes, where, problems);
    if (!operation.has("security")) {
      problems.add(where + ": no security (not even {} for an open route)");
    }
    Set<String> declared = new HashSet<>();
    for (JsonNode parameter : operation.path("parameters")) {
      if ("path".equals(parameter.path("in").asString(""))) {
        declared.add(parameter.path("name").asString(""));
      }
    }
    Matcher variables = PATH_VARIABLE.matcher(route);
    boolean pathVariable = false;
    while (variables.find()) {
      pathVariable = true;
      if (!declared.contains(variables.group(1))) {
        problems.add(where + ": path parameter {" + variables.group(1) + "} is not declared");
      }
    }
    Set<String> statuses = new HashSet<>(operation.path("responses").propertyNames());
    if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
      problems.add(where + ": no 2xx answer");
    }
    if (route.startsWith("/api/") && statuses.stream().noneMatch(s -> s.startsWith("4"))) {
      problems.add(where + ": no 4xx answer");
    }
    boolean write = !method.equals("get");
    if (write && route.startsWith("/api/")) {
      require(where, statuses, "401", "it needs the API token", problems);
      if (!operation.path("security").toString().contains("bearer")) {
        problems.add(where + ": changes state but does not ask for the bearer token");
      }
    }
    if (pathVariable) {
      require(where, statuses, "404", "it names a battery or a setting", problems);
    }
    if (operation.has("requestBody")) {
      require(where, statuses, "400", "it takes a body", problems);
      require(where, statuses, "413", "it takes a body", problems);
    }
  }

  private static void require(
      String where, Set<String> statuses, String status, String why, List<String> problems) {
    if (!statuses.contains(status)) {
      problems.add(where + ": no " + status + " answer although " + why);
    }
  }

  private static void checkSecurity(
      JsonNode security, Set<String> schemes, String where, List<String> problems) {
    for (JsonNode requirement : security) {
      for (String name : requirement.propertyNames()) {
        if (!schemes.contains(name)) {
          problems.add(where + ": security scheme '" + name + "' is not defined");
        }
      }
    }
  }

  private static void checkReferences(JsonNode api, JsonNode node, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        String target = ref.asString();
        if (!target.startsWith("#/") || api.at(target.substring(1)).isMissingNode()) {
          problems.add("$ref " + target + " points nowhere");
        }
      }
      node.properties().forEach(e -> checkReferences(api, e.getValue(), problems));
    } else if (node.isArray()) {
      node.forEach(child -> checkReferences(api, child, problems));
    }
  }
}
