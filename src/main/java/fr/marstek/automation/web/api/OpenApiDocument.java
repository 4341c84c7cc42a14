package fr.marstek.automation.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /docs}): the bearer scheme so
 * that Swagger UI offers Authorize, a name for every operation, and the refusals each route can
 * give. Only {@code /api/**} and {@code /health} are described ({@code springdoc.paths-to-match});
 * the dashboard's pages, forms and event stream are the dashboard's own business.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  static final String BEARER = "bearer";
  static final String PROBLEM = "Problem";

  /** Each route's operation id, and a summary for those whose controller gives none. */
  static final Map<String, Named> OPERATIONS =
      Map.ofEntries(
          Map.entry("GET /health", new Named("getHealth")),
          Map.entry("GET /api/v1/batteries/status", new Named("listBatteries")),
          Map.entry("GET /api/v1/batteries/{id}", new Named("getBattery")),
          Map.entry("POST /api/v1/batteries/{id}/mode", new Named("forceBatteryMode")),
          Map.entry("POST /api/v1/batteries/mode", new Named("forceFleetMode")),
          Map.entry("DELETE /api/v1/batteries/{id}/override", new Named("clearBatteryOverride")),
          Map.entry("POST /api/v1/automation/pause", new Named("pauseAutomation")),
          Map.entry("POST /api/v1/automation/resume", new Named("resumeAutomation")),
          Map.entry("GET /api/v1/schedule", new Named("getSchedule")),
          Map.entry("GET /api/v1/plan", new Named("getPlan")),
          Map.entry("GET /api/v1/tempo", new Named("getTempo")),
          Map.entry(
              "GET /api/v1/history/telemetry",
              new Named(
                  "getTelemetryHistory",
                  "Telemetry (state of charge, powers) of one battery or the fleet, raw, hourly or"
                      + " daily, as JSON or CSV")),
          Map.entry(
              "GET /api/v1/history/modes",
              new Named("getModeHistory", "Mode changes, with what caused each")),
          Map.entry(
              "GET /api/v1/history/commands",
              new Named("getCommandHistory", "Commands sent to the batteries and their outcome")),
          Map.entry(
              "GET /api/v1/savings",
              new Named("getSavings", "Money saved per day and month over a range of days")),
          Map.entry("GET /api/v1/settings", new Named("listSettings")),
          Map.entry("PUT /api/v1/settings", new Named("replaceSettings")),
          Map.entry("PATCH /api/v1/settings", new Named("changeSettings")),
          Map.entry("DELETE /api/v1/settings/{name}", new Named("resetSetting")),
          Map.entry("POST /api/v1/notifications/test", new Named("testNotifications")));

  /**
   * Routes that can answer 503: the database is away (history, savings, anything stored), the
   * battery is offline (forcing one battery's mode), or control is stopped ({@code /health}).
   */
  static final List<String> MAY_BE_UNAVAILABLE =
      List.of(
          "GET /health",
          "POST /api/v1/batteries/{id}/mode",
          "POST /api/v1/batteries/mode",
          "DELETE /api/v1/batteries/{id}/override",
          "POST /api/v1/automation/pause",
          "POST /api/v1/automation/resume",
          "GET /api/v1/history/telemetry",
          "GET /api/v1/history/modes",
          "GET /api/v1/history/commands",
          "GET /api/v1/savings",
          "PUT /api/v1/settings",
          "PATCH /api/v1/settings",
          "DELETE /api/v1/settings/{name}");

  /** Routes that answer 404 for something other than their path: Tempo off, an unknown battery. */
  static final List<String> MAY_BE_NOT_FOUND =
      List.of(
          "GET /api/v1/tempo",
          "GET /api/v1/history/telemetry",
          "GET /api/v1/history/modes",
          "GET /api/v1/history/commands");

  record Named(String operationId, String summary) {
    Named(String operationId) {
      this(operationId, null);
    }
  }

  @Bean
  OpenAPI marstekApi(ObjectProvider<BuildProperties> build) {
    String version =
        Optional.ofNullable(build.getIfAvailable())
            .map(BuildProperties::getVersion)
            .orElse("development");
    return new OpenAPI()
        .info(
            new Info()
                .title("Marstek Automation API")
                .version(version)
                .description(
                    "Drives Marstek Venus-E batteries by the EDF Tempo tariff. Reads are open"
                        + " unless API_READS_REQUIRE_TOKEN=true; every change needs the API"
                        + " token (Authorize, then the value of API_TOKEN). Errors are problem"
                        + " details (RFC 9457) that say what is wrong and how to fix it."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The value of API_TOKEN (or the generated token file)")));
  }

  @Bean
  OpenApiCustomizer refusalsAndNames() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      // added here, not in the bean: springdoc drops the bean's schemas that no handler names
      api.getComponents()
          .addSchemas(
              PROBLEM,
              new ObjectSchema()
                  .description("A refusal: what is wrong, why, and how to fix it (RFC 9457)")
                  .addProperty("type", new StringSchema())
                  .addProperty("title", new StringSchema())
                  .addProperty("status", new IntegerSchema())
                  .addProperty("detail", new StringSchema())
                  .addProperty("instance", new StringSchema()));
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) ->
                              describe(method + " " + path, path, method, operation)));
    };
  }

  private static void describe(
      String route, String path, PathItem.HttpMethod method, Operation operation) {
    Named named = OPERATIONS.get(route);
    if (named != null) {
      operation.setOperationId(named.operationId());
      if (operation.getSummary() == null && named.summary() != null) {
        operation.setSummary(named.summary());
      }
    }
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
    boolean pathVariable = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean body = operation.getRequestBody() != null;
    boolean api = path.startsWith("/api/");
    boolean write = method != PathItem.HttpMethod.GET;
    if (api && write) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
    } else if (api) {
      // the token is needed for reads only with API_READS_REQUIRE_TOKEN=true
      operation.setSecurity(
          List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
    } else {
      operation.setSecurity(List.of(new SecurityRequirement())); // /health is always open
    }
    if (query || body || route.equals("DELETE /api/v1/settings/{name}")) {
      refusal(responses, "400", "The request is wrong: the problem says what and how to fix it");
    }
    if (api) {
      refusal(
          responses,
          "401",
          write
              ? "No or wrong API token (Authorization: Bearer <API_TOKEN>)"
              : "No or wrong API token, when API_READS_REQUIRE_TOKEN=true");
      refusal(responses, "429", "Too many wrong tokens from this address: wait, then retry");
    }
    if (pathVariable || MAY_BE_NOT_FOUND.contains(route)) {
      refusal(responses, "404", "No such battery or setting (the problem lists the known ones)");
    }
    if (body) {
      refusal(responses, "413", "The body is over 64 KiB");
    }
    if (route.endsWith("/mode") && write) {
      refusal(
          responses,
          "409",
          "Safety would hold it throughout (peak-hours grid charge): nothing was changed");
    }
    if (MAY_BE_UNAVAILABLE.contains(route)) {
      refusal(
          responses,
          "503",
          route.equals("GET /health")
              ? "Control is stopped or a battery's cycle is stalled"
              : "The database or the battery is unavailable: nothing was changed, try again");
    }
  }

  private static void refusal(ApiResponses responses, String status, String description) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(
        status,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        "application/problem+json",
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
  }
}
