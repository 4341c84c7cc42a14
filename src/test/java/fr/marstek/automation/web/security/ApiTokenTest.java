package fr.marstek.automation.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

  private final ApiToken token = new ApiToken("correct-horse-battery-staple");

  @Test
  void matchesOnlyTheWholeTokenExactly() {
    assertThat(token.matches("correct-horse-battery-staple")).isTrue();
    assertThat(token.matches("correct-horse-battery-stapl")).isFalse();
    assertThat(token.matches("correct-horse-battery-staple ")).isFalse();
    assertThat(token.matches("CORRECT-HORSE-BATTERY-STAPLE")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.matches("correct-horse-battery-staplé")).isFalse();
  }

  @Test
  void neverPrintsItselfAndRefusesAShortToken() {
    assertThat(token).hasToString("ApiToken(****)");
    assertThat(
            ApiSettings.from(
                    new fr.marstek.automation.config.Variables(
                        java.util.Map.of("API_TOKEN", "correct-horse-battery-staple")))
                .toString())
        .doesNotContain("staple");
    assertThatThrownBy(() -> new ApiToken("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
