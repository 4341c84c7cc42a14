package fr.marstek.automation.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * The broker connection (Paho): the service's last will, the first connection retried until it
 * works, Paho's own reconnect after that, and a heartbeat that republishes every state.
 */
final class MqttConnection implements SmartLifecycle, MqttCallbackExtended {

  /** Told when the connection is (again) up and when a message arrives. */
  interface Listener {
    void connected();

    void received(String topic, String payload, boolean retained);
  }

  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  /** How often {@code watch} looks for changes that raise no event (Tempo's period and colours). */
  static final Duration WATCH_EVERY = Duration.ofSeconds(5);

  private final MqttSettings settings;
  private final Topics topics;
  private final Listener listener;
  private final Runnable heartbeat;
  private final Runnable watch;
  private final TaskScheduler scheduler;
  private volatile MqttAsyncClient client;
  private volatile Thread connector;
  private volatile ScheduledFuture<?> ticker;
  private volatile ScheduledFuture<?> watcher;
  private volatile boolean running;

  MqttConnection(
      MqttSettings settings,
      Listener listener,
      Runnable heartbeat,
      Runnable watch,
      TaskScheduler scheduler) {
    this.settings = settings;
    this.topics = Topics.of(settings);
    this.listener = listener;
    this.heartbeat = heartbeat;
    this.watch = watch;
    this.scheduler = scheduler;
  }

  /** Publishes at QoS 1 if connected; false when the message could not be handed to the client. */
  boolean publish(Publication message) {
    MqttAsyncClient c = client;
    if (c == null || !c.isConnected()) {
      return false;
    }
    try {
      c.publish(
          message.topic(),
          message.payload().getBytes(StandardCharsets.UTF_8),
          1,
          message.retained());
      return true;
    } catch (MqttException e) {
      log.debug("MQTT publish to {} failed: {}", message.topic(), e.toString());
      return false;
    }
  }

  boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected();
  }

  @Override
  public void start() {
    running = true;
    if (!settings.enabled()) {
      return;
    }
    String clientId =
        "marstek-" + topics.nodeId() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      client =
          new MqttAsyncClient(
              settings.serverUri().orElseThrow(), clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException("MQTT client for " + settings.serverUri() + ": " + e, e);
    }
    client.setCallback(this);
    connector = Thread.ofVirtual().name("mqtt-connect").start(this::connectUntilConnected);
    ticker =
        scheduler.scheduleAtFixedRate(() -> whenConnected(heartbeat), settings.stateInterval());
    watcher = scheduler.scheduleWithFixedDelay(() -> whenConnected(watch), WATCH_EVERY);
  }

  private void whenConnected(Runnable task) {
    if (!isConnected()) {
      return;
    }
    try {
      task.run();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule.
      log.error("Bug in a periodic MQTT publication: {}", e.toString(), e);
    }
  }

  private void connectUntilConnected() {
    Duration wait = Duration.ofSeconds(1);
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        client.connect(options()).waitForCompletion();
        return;
      } catch (MqttException e) {
        log.warn(
            "MQTT broker {} not reachable ({}); next try in {} s",
            settings.serverUri().orElseThrow(),
            e.getMessage(),
            wait.toSeconds());
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    }
  }

  private MqttConnectOptions options() {
    var options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay((int) LONGEST_WAIT.toMillis());
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setMaxInflight(1000);
    options.setHttpsHostnameVerificationEnabled(true);
    options.setWill(
        topics.serviceStatus(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
    return options;
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", serverUri);
    String[] filters =
        settings.commandsEnabled()
            ? Stream.concat(
                    Arrays.stream(topics.subscriptions()), Stream.of(topics.homeAssistantStatus()))
                .toArray(String[]::new)
            : new String[] {topics.homeAssistantStatus()};
    int[] qos = new int[filters.length];
    Arrays.fill(qos, 1);
    try {
      client.subscribe(filters, qos);
    } catch (MqttException e) {
      log.warn("MQTT subscribe failed: {}", e.toString());
    }
    listener.connected();
  }

  @Override
  public void connectionLost(Throwable cause) {
    log.warn(
        "MQTT connection lost ({}); reconnecting",
        cause == null ? "no reason" : cause.getMessage());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      listener.received(
          topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained());
    } catch (RuntimeException e) {
      log.error("Bug while handling MQTT message on {}: {}", topic, e.toString(), e);
    }
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void stop() {
    running = false;
    for (ScheduledFuture<?> t : new ScheduledFuture<?>[] {ticker, watcher}) {
      if (t != null) {
        t.cancel(false);
      }
    }
    Thread c = connector;
    if (c != null) {
      c.interrupt();
    }
    MqttAsyncClient mqtt = client;
    client = null;
    if (mqtt != null) {
      closeGracefully(mqtt);
    }
  }

  /** Says "offline" ourselves, since a clean disconnect does not fire the last will. */
  private void closeGracefully(MqttAsyncClient mqtt) {
    try {
      if (mqtt.isConnected()) {
        mqtt.publish(
                topics.serviceStatus(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true)
            .waitForCompletion(2000);
        mqtt.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.toString());
    }
    try {
      mqtt.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.toString());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
