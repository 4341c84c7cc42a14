package fr.marstek.automation.mqtt;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.CommandSent;
import fr.marstek.automation.control.DesiredStateReached;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.ModeChanged;
import fr.marstek.automation.device.BatteryId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes what the fleet does to the broker: discovery, availability and state, on change and at
 * an interval. The connection itself is {@link MqttConnection}'s.
 */
final class MqttBridge implements MqttConnection.Listener {

  private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);

  private final MqttSettings settings;
  private final Topics topics;
  private final HomeAssistantDiscovery discovery;
  private final MqttCommands commands;
  private final FleetObserver observer;
  private final Automation automation;
  private final DeviceIdentities identities;
  private final TariffFeed tariff;
  private final ObjectMapper json;
  private final Map<String, String> published = new ConcurrentHashMap<>();
  private volatile MqttConnection connection;

  MqttBridge(
      MqttSettings settings,
      MqttCommands commands,
      FleetObserver observer,
      Automation automation,
      DeviceIdentities identities,
      TariffFeed tariff,
      ObjectMapper json) {
    this.settings = settings;
    this.topics = Topics.of(settings);
    this.discovery = new HomeAssistantDiscovery(topics, json);
    this.commands = commands;
    this.observer = observer;
    this.automation = automation;
    this.identities = identities;
    this.tariff = tariff;
    this.json = json;
  }

  void attach(MqttConnection connection) {
    this.connection = connection;
  }

  @Override
  public void connected() {
    published.clear();
    publishDiscovery();
    publishAll();
  }

  @Override
  public void received(String topic, String payload, boolean retained) {
    if (topic.equals(topics.homeAssistantStatus())) {
      if (payload.equals(Topics.ONLINE)) {
        log.info("Home Assistant started: publishing discovery again");
        published.clear();
        publishDiscovery();
        publishAll();
      }
      return;
    }
    if (retained) {
      log.warn("Ignored a retained command on {}: commands must not be retained", topic);
      return;
    }
    commands
        .handle(topic, payload)
        .ifPresent(
            outcome -> {
              log.info(
                  "MQTT command on {} ({}): {}",
                  topic,
                  outcome.accepted() ? "accepted" : "refused",
                  outcome.detail());
              String result =
                  json.writeValueAsString(
                      Map.of("accepted", outcome.accepted(), "detail", outcome.detail()));
              String resultTopic =
                  outcome
                      .battery()
                      .map(topics::commandResult)
                      .orElse(topics.pauseCommand() + "/result");
              send(new Publication(resultTopic, result, false));
              publishPaused(true);
              outcome.battery().ifPresent(b -> publishBattery(b, true));
            });
  }

  /** Every battery's state, forced: the interval's heartbeat. */
  void publishAll() {
    publish(new Publication(topics.serviceStatus(), Topics.ONLINE, true), true);
    publishPaused(true);
    for (BatteryHealth health : observer.fleet()) {
      publishBattery(health.id(), true);
    }
    publishTempo(true);
    publishSavings();
  }

  /**
   * Tempo's state when it changed: a colour learnt, a new day, the period switching at 06:00 and
   * 22:00. Run often, so Home Assistant sees the change within seconds rather than an interval.
   */
  void publishTempoChanges() {
    publishTempo(false);
  }

  @EventListener
  void on(BatteryStatusObserved observed) {
    BatteryId id = observed.status().id();
    if (!settings.enabled()) {
      return;
    }
    identities.learn(id, () -> publishDiscovery(id));
    publishBattery(id, false);
  }

  @EventListener
  void on(BatteryWentOffline offline) {
    publishBattery(offline.battery(), false);
  }

  @EventListener
  void on(BatteryCameBack back) {
    identities.retry(back.battery());
    publishBattery(back.battery(), false);
  }

  @EventListener
  void on(ModeChanged changed) {
    publishBattery(changed.battery(), false);
  }

  @EventListener
  void on(CommandSent sent) {
    publishBattery(sent.battery(), false);
  }

  @EventListener
  void on(DesiredStateReached reached) {
    publishBattery(reached.battery(), false);
  }

  @EventListener
  void on(BatteryDrifted drifted) {
    publishBattery(drifted.battery(), false);
  }

  private void publishDiscovery() {
    discovery.forService(settings.commandsEnabled()).forEach(this::send);
    discovery.forTariff(tariff.tempoEnabled()).forEach(this::send);
    discovery.forFleet().forEach(this::send);
    observer.fleet().forEach(h -> publishDiscovery(h.id()));
  }

  private void publishDiscovery(BatteryId id) {
    discovery.forBattery(id, identities.of(id), settings.commandsEnabled()).forEach(this::send);
  }

  private void publishBattery(BatteryId id, boolean force) {
    if (!settings.enabled()) {
      return;
    }
    BatteryHealth health = observer.health(id);
    if (health == null) {
      return;
    }
    String state = json.writeValueAsString(BatteryStatePayload.of(health, automation.view(id)));
    String availability = health.online() ? Topics.ONLINE : Topics.OFFLINE;
    publish(new Publication(topics.availability(id), availability, true), force);
    publish(new Publication(topics.state(id), state, true), force);
    publishFleetEnergy(force);
    publishPaused(false);
  }

  /** The fleet's summed counters, once every battery has reported its own. */
  private void publishFleetEnergy(boolean force) {
    FleetEnergy.of(observer.fleet())
        .ifPresent(
            energy ->
                publish(
                    new Publication(topics.fleetState(), json.writeValueAsString(energy), true),
                    force));
  }

  private void publishTempo(boolean force) {
    if (!settings.enabled() || !tariff.tempoEnabled()) {
      return;
    }
    try {
      publish(
          new Publication(topics.tempoState(), json.writeValueAsString(tariff.tempo()), true),
          force);
    } catch (RuntimeException e) {
      // The season's colours come from the history store: a failing store must not stop the rest.
      log.warn("MQTT: Tempo state not published: {}", e.toString());
    }
  }

  /** Savings change when history rolls up, so the interval's heartbeat is the only publisher. */
  private void publishSavings() {
    if (!settings.enabled()) {
      return;
    }
    try {
      publish(
          new Publication(topics.savingsState(), json.writeValueAsString(tariff.savings()), true),
          true);
    } catch (RuntimeException e) {
      log.warn("MQTT: savings not published: {}", e.toString());
    }
  }

  private void publishPaused(boolean force) {
    publish(new Publication(topics.paused(), automation.isPaused() ? "ON" : "OFF", true), force);
  }

  /** Sends unless it is the retained payload already on the broker (and not forced). */
  private void publish(Publication message, boolean force) {
    if (!force && message.payload().equals(published.get(message.topic()))) {
      return;
    }
    if (send(message)) {
      published.put(message.topic(), message.payload());
    }
  }

  private boolean send(Publication message) {
    MqttConnection c = connection;
    return c != null && c.publish(message);
  }
}
