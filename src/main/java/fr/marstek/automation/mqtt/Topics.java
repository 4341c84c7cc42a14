package fr.marstek.automation.mqtt;

import fr.marstek.automation.device.BatteryId;
import java.util.Optional;

/** Every topic this service publishes or listens to, under the base topic. */
record Topics(String base, String discoveryPrefix) {

  static final String ONLINE = "online";
  static final String OFFLINE = "offline";

  static Topics of(MqttSettings settings) {
    return new Topics(settings.baseTopic(), settings.discoveryPrefix());
  }

  /** Service availability: "online", or "offline" as the broker's last will. */
  String serviceStatus() {
    return base + "/status";
  }

  String state(BatteryId battery) {
    return battery(battery) + "/state";
  }

  /** "online" while the battery answers its polls. */
  String availability(BatteryId battery) {
    return battery(battery) + "/availability";
  }

  String modeCommand(BatteryId battery) {
    return battery(battery) + "/mode/set";
  }

  String clearCommand(BatteryId battery) {
    return battery(battery) + "/override/clear";
  }

  /** Not retained: what became of the last command sent to this battery. */
  String commandResult(BatteryId battery) {
    return battery(battery) + "/command/result";
  }

  /** Today's and tomorrow's Tempo colour, the period and the days left this season. */
  String tempoState() {
    return base + "/tempo/state";
  }

  /** This month's and this season's savings. */
  /** The fleet's summed energy counters. */
  String fleetState() {
    return base + "/fleet/state";
  }

  String savingsState() {
    return base + "/savings/state";
  }

  String paused() {
    return base + "/automation/paused";
  }

  String pauseCommand() {
    return paused() + "/set";
  }

  /** Home Assistant announces "online" here when it starts: discovery is published again. */
  String homeAssistantStatus() {
    return discoveryPrefix + "/status";
  }

  String[] subscriptions() {
    return new String[] {
      base + "/battery/+/mode/set", base + "/battery/+/override/clear", pauseCommand()
    };
  }

  /** The discovery config topic of one entity. */
  String discovery(String component, String objectId) {
    return discoveryPrefix + "/" + component + "/" + nodeId() + "/" + objectId + "/config";
  }

  /** A stable id for this service's entities, from the base topic. */
  String nodeId() {
    return base.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** The battery a command topic names, if it is one of ours. */
  Optional<BatteryId> batteryOf(String topic, String suffix) {
    String prefix = base + "/battery/";
    if (!topic.startsWith(prefix)
        || !topic.endsWith(suffix)
        || topic.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    String id = topic.substring(prefix.length(), topic.length() - suffix.length());
    try {
      return Optional.of(new BatteryId(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String battery(BatteryId battery) {
    return base + "/battery/" + battery.value();
  }
}
