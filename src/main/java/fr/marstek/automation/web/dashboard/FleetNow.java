package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Now page's data, read from control each time it is asked. */
@Component
class FleetNow {

  private final FleetObserver observer;
  private final Automation automation;

  FleetNow(FleetObserver observer, Automation automation) {
    this.observer = observer;
    this.automation = automation;
  }

  List<BatteryCard> cards() {
    return observer.fleet().stream().map(h -> BatteryCard.of(h, automation.view(h.id()))).toList();
  }

  FleetSummary summary(List<BatteryCard> cards) {
    return FleetSummary.of(cards, automation.isPaused());
  }
}
