package fr.marstek.automation.metrics;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Per-battery gauges read from the observer at scrape time: state of charge (0-1), power, grid
 * power, temperature, online, and the reported mode as one 0/1 series per mode; plus whether
 * automation is paused.
 */
final class FleetGauges implements MeterBinder {

  private final Batteries batteries;
  private final FleetObserver observer;
  private final Automation automation;

  FleetGauges(Batteries batteries, FleetObserver observer, Automation automation) {
    this.batteries = batteries;
    this.observer = observer;
    this.automation = automation;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (BatteryPort port : batteries.all()) {
      BatteryId id = port.id();
      // Prometheus' convention: a share is a ratio 0-1 (Grafana shows it with the percentunit unit)
      gauge("marstek.battery.soc", "ratio", id, s -> s.soc().value() / 100)
          .description("State of charge the battery last reported, 0-1")
          .register(registry);
      gauge(
              "marstek.grid.power",
              "watts",
              id,
              s -> s.meterPower().map(w -> w.value()).orElse(Double.NaN))
          .description("House grid power the battery's meter reads: positive imports")
          .register(registry);
      gauge(
              "marstek.battery.temperature",
              "celsius",
              id,
              s -> s.temperature().map(c -> c.value()).orElse(Double.NaN))
          .description("Battery temperature it last reported")
          .register(registry);
      gauge("marstek.battery.power", "watts", id, s -> s.acPower().value())
          .description("AC power: positive discharges to the house, negative charges")
          .register(registry);
      if (port.requestsLastHour().isPresent()) {
        Gauge.builder(
                "marstek.battery.requests.last.hour", port, p -> p.requestsLastHour().orElse(0))
            .description("Requests sent to the battery in the last hour, retries included")
            .tag("battery", id.value())
            .register(registry);
      }
      Gauge.builder("marstek.battery.online", observer, o -> online(o.health(id)) ? 1 : 0)
          .description("1 while the battery answers its polls")
          .tag("battery", id.value())
          .register(registry);
      for (DeviceMode mode : DeviceMode.values()) {
        Gauge.builder(
                "marstek.battery.mode",
                observer,
                o -> status(o.health(id)).map(s -> s.mode() == mode ? 1.0 : 0.0).orElse(Double.NaN))
            .description("1 for the mode the battery reports, 0 for the others")
            .tag("battery", id.value())
            .tag("mode", mode.name().toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
    Gauge.builder("marstek.automation.paused", automation, a -> a.isPaused() ? 1 : 0)
        .description("1 while automation is paused")
        .register(registry);
  }

  private Gauge.Builder<FleetObserver> gauge(
      String name, String unit, BatteryId id, ToDoubleFunction<BatteryStatus> value) {
    return Gauge.builder(
            name, observer, o -> status(o.health(id)).map(value::applyAsDouble).orElse(Double.NaN))
        .baseUnit(unit)
        .tag("battery", id.value());
  }

  private static boolean online(BatteryHealth health) {
    return health != null && health.online();
  }

  private static Optional<BatteryStatus> status(BatteryHealth health) {
    return health == null ? Optional.empty() : health.lastStatus();
  }
}
