package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a plan depends on, as known at {@code now}: the tariff must tell only what was
 * published by then (for Tempo, the colours), the forecast only what was measured by then.
 *
 * @param maxGridImportW the most the house may import (W, the subscribed power less a margin):
 *     charging is planned within what the forecast load leaves; infinite when there is no cap
 */
public record PlanningInput(
    Instant now,
    List<BatteryState> batteries,
    Tariff tariff,
    LoadForecast forecast,
    double wearEurPerKwh,
    double maxGridImportW) {

  public PlanningInput {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(forecast, "forecast");
    batteries = List.copyOf(batteries);
    if (!(wearEurPerKwh >= 0 && wearEurPerKwh < 10)) {
      throw new IllegalArgumentException("wear cost out of range: " + wearEurPerKwh);
    }
    if (!(maxGridImportW > 0)) {
      throw new IllegalArgumentException("import cap must be positive: " + maxGridImportW);
    }
  }

  /** Without an import cap. */
  public PlanningInput(
      Instant now,
      List<BatteryState> batteries,
      Tariff tariff,
      LoadForecast forecast,
      double wearEurPerKwh) {
    this(now, batteries, tariff, forecast, wearEurPerKwh, Double.POSITIVE_INFINITY);
  }
}
