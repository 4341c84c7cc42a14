package fr.marstek.automation.web.api;

import fr.marstek.automation.settings.SettingValue;
import fr.marstek.automation.settings.Settings;
import fr.marstek.automation.settings.SettingsRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The settings the household may change while the service runs; every change needs the API token
 * (like every write) and is checked whole: one wrong value and nothing is stored.
 */
@RestController
@Tag(
    name = "Settings",
    description =
        "Hours, strategy, reserve, power limits, Tempo and notification URLs, changed without a"
            + " restart; stored values win over the environment / .env")
class SettingsController {

  private final Settings settings;

  SettingsController(Settings settings) {
    this.settings = settings;
  }

  @GetMapping("/api/v1/settings")
  @Operation(
      summary = "Every changeable setting, its effective value and where it comes from",
      description =
          "source is DEFAULT, ENV (environment or .env) or STORED (saved here, wins over ENV);"
              + " appliedNow=false means the running service takes it at its next restart."
              + " Notification URLs are masked.")
  SettingsView list() {
    return new SettingsView(settings.current().stream().map(SettingsController::view).toList());
  }

  @PutMapping("/api/v1/settings")
  @Operation(
      summary = "Change settings (same as PATCH: only the given names change)",
      description =
          "Body: an object of NAME: value, such as {\"MAX_CHARGE_W\": 1500, \"STRATEGY\":"
              + " \"fixed\"}. An empty string unsets the variable (its default applies even if"
              + " .env sets it). Every value is checked by the features' own readers; any mistake"
              + " and nothing is stored (400 with every message).",
      responses = {
        @ApiResponse(responseCode = "200", description = "Stored and applied"),
        @ApiResponse(
            responseCode = "400",
            description = "Nothing stored; problems lists each mistake",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    examples =
                        @ExampleObject(
                            value =
                                "{\"title\":\"Settings refused\",\"status\":400,\"detail\":"
                                    + "\"MAX_CHARGE_W=9000: expected a charging power 1-2500"
                                    + " (W)\",\"problems\":[{\"name\":\"MAX_CHARGE_W\","
                                    + "\"message\":\"MAX_CHARGE_W=9000: expected a charging"
                                    + " power 1-2500 (W)\"}]}"))),
        @ApiResponse(responseCode = "401", description = "No or wrong API token")
      })
  @SecurityRequirement(name = "bearer")
  SettingsView put(@RequestBody Map<String, Object> changes) {
    return patch(changes);
  }

  @PatchMapping("/api/v1/settings")
  @Operation(summary = "Change some settings; see PUT")
  @SecurityRequirement(name = "bearer")
  SettingsView patch(@RequestBody Map<String, Object> changes) {
    Map<String, String> values = new LinkedHashMap<>();
    changes.forEach(
        (name, value) ->
            values.put(
                name.trim().toUpperCase(Locale.ROOT), value == null ? "" : value.toString()));
    settings.change(values);
    return list();
  }

  @DeleteMapping("/api/v1/settings/{name}")
  @Operation(summary = "Forget a stored value: the environment's (or the default) applies again")
  @SecurityRequirement(name = "bearer")
  SettingsView reset(@Parameter(example = "MAX_CHARGE_W") @PathVariable String name) {
    settings.reset(name.trim().toUpperCase(Locale.ROOT));
    return list();
  }

  @ExceptionHandler(SettingsRejected.class)
  ProblemDetail rejected(SettingsRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
    problem.setTitle("Settings refused");
    problem.setProperty(
        "problems",
        rejected.problems().stream()
            .map(p -> new ProblemView(p.name().orElse(null), p.message()))
            .toList());
    return problem;
  }

  private static SettingView view(SettingValue value) {
    return new SettingView(
        value.name(),
        value.value(),
        value.source().name(),
        value.field().defaultValue(),
        value.envValue(),
        value.field().appliedNow());
  }

  record SettingsView(List<SettingView> settings) {}

  record SettingView(
      String name,
      String value,
      String source,
      String defaultValue,
      String envValue,
      boolean appliedNow) {}

  record ProblemView(String name, String message) {}
}
