package fr.marstek.automation.metrics;

import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.CommandSent;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;

/**
 * Counts commands by outcome and drifts, from control's events. Every series exists from start-up
 * at 0, so Prometheus' rate() sees the first increase.
 */
final class ControlCounters {

  private final MeterRegistry registry;

  ControlCounters(MeterRegistry registry, Batteries batteries) {
    this.registry = registry;
    for (BatteryPort port : batteries.all()) {
      for (CommandSent.Outcome outcome : CommandSent.Outcome.values()) {
        commands(port.id(), outcome);
      }
      drifts(port.id());
    }
  }

  @EventListener
  void on(CommandSent sent) {
    commands(sent.battery(), sent.outcome()).increment();
  }

  @EventListener
  void on(BatteryDrifted drifted) {
    drifts(drifted.battery()).increment();
  }

  private Counter commands(BatteryId battery, CommandSent.Outcome outcome) {
    return Counter.builder("marstek.commands")
        .description("Commands sent to batteries, by how the battery answered")
        .tag("battery", battery.value())
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  private Counter drifts(BatteryId battery) {
    return Counter.builder("marstek.battery.drifts")
        .description("Times a battery did not take its desired state after every retry")
        .tag("battery", battery.value())
        .register(registry);
  }
}
