package fr.marstek.automation.web.api;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.history.Series;
import java.util.List;

final class TelemetryCsv {

  private TelemetryCsv() {}

  static String of(Series series) {
    String battery = series.battery().map(BatteryId::value).orElse("fleet");
    StringBuilder text =
        new StringBuilder(
            Csv.row(
                List.of(
                    "time",
                    "battery",
                    "resolution",
                    "soc_pct",
                    "battery_w",
                    "battery_w_min",
                    "battery_w_max",
                    "grid_w",
                    "pv_w",
                    "temperature_c",
                    "online_share",
                    "charged_wh",
                    "discharged_wh")));
    for (var p : series.points()) {
      text.append(
          Csv.row(
              java.util.Arrays.asList(
                  ApiTimes.paris(p.at()),
                  battery,
                  series.resolution().name().toLowerCase(java.util.Locale.ROOT),
                  oneDecimal(p.soc()),
                  p.batteryPower(),
                  p.batteryPowerMin(),
                  p.batteryPowerMax(),
                  p.gridPower(),
                  p.pvPower(),
                  p.temperature(),
                  p.online(),
                  p.charged(),
                  p.discharged())));
    }
    return text.toString();
  }

  /** An hourly mean such as 61.333333333333336 % reads 61.3: the gauge reports whole percents. */
  private static Double oneDecimal(Double value) {
    return value == null ? null : Math.round(value * 10) / 10.0;
  }
}
