package fr.marstek.automation.web.security;

import fr.marstek.automation.config.Variables;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API's access settings: {@code API_TOKEN} (at least 16 characters, else generated into {@code
 * API_TOKEN_FILE}) and {@code API_READS_REQUIRE_TOKEN}.
 */
@org.springframework.modulith.NamedInterface("settings")
public record ApiSettings(Optional<String> token, Path tokenFile, boolean readsNeedToken) {

  public static ApiSettings from(Variables variables) {
    Optional<String> token = variables.text("API_TOKEN");
    if (token.isPresent() && token.get().length() < ApiToken.SHORTEST) {
      variables.problem(
          "API_TOKEN", token.get(), "at least " + ApiToken.SHORTEST + " characters, or unset");
      token = Optional.empty();
    }
    Path file = Path.of(variables.text("API_TOKEN_FILE").orElse("marstek-automation.token"));
    boolean reads = variables.flag("API_READS_REQUIRE_TOKEN", false);
    return new ApiSettings(token, file, reads);
  }

  @Override
  public String toString() {
    return "ApiSettings[token="
        + token.map(t -> "****").orElse("generated")
        + ", tokenFile="
        + tokenFile
        + ", readsNeedToken="
        + readsNeedToken
        + "]";
  }
}
