package fr.marstek.automation.web.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Fleet totals and what needs attention.
 *
 * @param chargingW power going into the batteries, positive
 * @param dischargingW power delivered to the house, positive
 * @param averageSoc capacity-weighted state of charge, null before any report
 */
public record FleetSummary(
    int online,
    int total,
    int chargingW,
    int dischargingW,
    Integer averageSoc,
    double storedWh,
    double capacityWh,
    List<Alert> alerts) {

  /**
   * Something a person should look at.
   *
   * @param key the message key, with the battery as {0} and the detail as {1}
   */
  public record Alert(String key, String battery, String detail) {}

  /** The same totals with more alerts after these. */
  FleetSummary withAlerts(List<Alert> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Alert> all = new ArrayList<>(alerts);
    all.addAll(more);
    return new FleetSummary(
        online, total, chargingW, dischargingW, averageSoc, storedWh, capacityWh, List.copyOf(all));
  }

  static FleetSummary of(List<BatteryCard> cards, boolean paused) {
    int online = 0;
    int charging = 0;
    int discharging = 0;
    double stored = 0;
    double capacity = 0;
    List<Alert> alerts = new ArrayList<>();
    if (paused) {
      alerts.add(new Alert("alert.paused", "", ""));
    }
    for (BatteryCard c : cards) {
      if (c.online()) {
        online++;
      } else {
        alerts.add(new Alert("alert.offline", c.id(), c.lastError() == null ? "" : c.lastError()));
      }
      if (c.drifted()) {
        alerts.add(new Alert("alert.drift", c.id(), c.desiredMode()));
      }
      if (c.powerW() != null && c.online()) {
        charging += Math.max(0, -c.powerW());
        discharging += Math.max(0, c.powerW());
      }
      if (c.soc() != null && c.capacityWh() > 0) {
        stored += c.capacityWh() * c.soc() / 100.0;
        capacity += c.capacityWh();
      }
    }
    Integer average = capacity > 0 ? (int) Math.round(100 * stored / capacity) : null;
    return new FleetSummary(
        online, cards.size(), charging, discharging, average, stored, capacity, alerts);
  }
}
