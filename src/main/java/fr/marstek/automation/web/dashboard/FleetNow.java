package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import java.time.InstantSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Now page's data, read from control and Tempo each time it is asked. */
@Component
class FleetNow {

  private final FleetObserver observer;
  private final Automation automation;
  private final TempoColours colours;
  private final TempoPrices prices;
  private final Tariff tariff;
  private final InstantSource clock;

  FleetNow(
      FleetObserver observer,
      Automation automation,
      TempoColours colours,
      TempoPrices prices,
      Tariff tariff,
      InstantSource clock) {
    this.observer = observer;
    this.automation = automation;
    this.colours = colours;
    this.prices = prices;
    this.tariff = tariff;
    this.clock = clock;
  }

  List<BatteryCard> cards() {
    return observer.fleet().stream().map(h -> BatteryCard.of(h, automation.view(h.id()))).toList();
  }

  /** Reads known colours only (memory, then the history store): never asks a provider. */
  /** The plans drawn over the Tempo colours and prices of their hours. */
  PlanChart chart(java.util.List<PlanRows> plans) {
    return PlanChart.of(plans, colours, tariff);
  }

  TempoPanel tempo() {
    return TempoPanel.of(colours, prices, tariff, clock.instant());
  }

  /** The fleet's totals with the batteries' alerts, then Tempo's. */
  FleetSummary summary(List<BatteryCard> cards, TempoPanel tempo) {
    return FleetSummary.of(cards, automation.isPaused()).withAlerts(tempo.alerts());
  }
}
