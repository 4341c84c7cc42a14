package fr.marstek.automation;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

  @Test
  void dependenciesPointTowardDeviceTariffAndPlanningNeverBack() {
    ApplicationModules.of(MarstekAutomationApplication.class).verify();
  }
}
