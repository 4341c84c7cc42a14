package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lint finds what springdoc's defaults left in the document (issue #15 item 2). */
class OpenApiLintTest {

  private static final String SPRINGDOC_DEFAULTS =
      """
      {"openapi":"3.1.0","info":{"title":"OpenAPI definition","version":"v0"},
       "paths":{
        "/api/v1/batteries/{id}/mode":{"post":{"operationId":"forceOne","summary":"Force",
          "security":[{"bearer":[]}],
          "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
          "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ModeRequest"}}}},
          "responses":{"200":{"description":"OK"}}}},
        "/api/v1/settings":{"get":{"operationId":"list_1","responses":{"200":{"description":"OK"}}}},
        "/dashboard/events":{"get":{"operationId":"events","summary":"Events",
          "responses":{"200":{"description":"OK"}}}}
       },
       "components":{"schemas":{}}}
      """;

  @Test
  void springdocsDefaultsAreFound() {
    assertThat(OpenApiLint.problems(SPRINGDOC_DEFAULTS))
        .contains(
            "info.title is springdoc's placeholder: \"OpenAPI definition\"",
            "info.version is springdoc's placeholder: \"v0\"",
            "POST /api/v1/batteries/{id}/mode: security scheme 'bearer' is not defined",
            "POST /api/v1/batteries/{id}/mode: no 401 answer although it needs the API token",
            "POST /api/v1/batteries/{id}/mode: no 404 answer although it names a battery or a"
                + " setting",
            "POST /api/v1/batteries/{id}/mode: no 413 answer although it takes a body",
            "GET /api/v1/settings: operationId 'list_1' is missing or not a camelCase name",
            "GET /api/v1/settings: no summary",
            "GET /api/v1/settings: no security (not even {} for an open route)",
            "/dashboard/events: not an API route (the dashboard's own routes stay out)",
            "$ref #/components/schemas/ModeRequest points nowhere");
  }
}
