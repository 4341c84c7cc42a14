package fr.marstek.automation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.testing.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/** With TEMPO_ENABLED=false the Tempo view is a 404 problem that says how to turn it on. */
@ServiceTest(
    properties = {
      "CONTROL_ENABLED=false",
      "TEMPO_ENABLED=false",
      "TEMPO_RTE_PUBLIC_URL=http://127.0.0.1:9/never-called",
      "TEMPO_COULEUR_API_URL=http://127.0.0.1:9/never-called"
    })
class TempoDisabledApiTest {

  @org.springframework.test.context.DynamicPropertySource
  static void freshDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("DATABASE_FILE", TempoApiTest::freshDatabaseFile);
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void theTempoViewIsA404ProblemNamingTheVariable() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tempo"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asString())
        .contains("TEMPO_ENABLED=false");
  }
}
