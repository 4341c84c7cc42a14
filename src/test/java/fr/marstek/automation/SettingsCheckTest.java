package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

  @Test
  void wrongTempoPricesStopTheStartWithTheGridToFix() {
    var variables =
        new Variables(
            Map.of(
                "TEMPO_PRICES", "2026-08-01:0.1325,0.1612,0.1499,0.1871,0.1575,0.1060",
                "POLL_INTERVAL_SECONDS", "0"));

    assertThatThrownBy(() -> SettingsCheck.check(variables))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("red peak 0.1060 is below red off-peak 0.1575")
        .hasMessageContaining("POLL_INTERVAL_SECONDS=0");
  }
}
