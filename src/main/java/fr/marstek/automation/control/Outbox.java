package fr.marstek.automation.control;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The events of one control cycle, published together at its end: listeners (history, notices,
 * MQTT, the dashboard) only hear about it, never take part in it, and a slow one delays no step of
 * it. Used by one cycle's thread only.
 */
final class Outbox {

  private final List<Object> events = new ArrayList<>();

  void add(Object event) {
    events.add(event);
  }

  /** In the order the cycle wrote them. */
  void publishTo(ApplicationEventPublisher publisher) {
    events.forEach(publisher::publishEvent);
    events.clear();
  }
}
