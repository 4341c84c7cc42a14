package fr.marstek.automation.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A test's own MQTT client: keeps the last payload seen on every topic, and publishes. */
final class Subscriber implements AutoCloseable {

  private final MqttClient client;
  private final Map<String, String> last = new ConcurrentHashMap<>();
  private final Map<String, List<String>> seen = new ConcurrentHashMap<>();

  Subscriber(String uri) throws MqttException {
    this(uri, null, null);
  }

  /** Connects with an account; {@code user} null connects anonymously. */
  Subscriber(String uri, String user, String password) throws MqttException {
    client = new MqttClient(uri, "test-" + UUID.randomUUID(), new MemoryPersistence());
    var options = new MqttConnectOptions();
    if (user != null) {
      options.setUserName(user);
      options.setPassword(password.toCharArray());
    }
    options.setAutomaticReconnect(true);
    options.setCleanSession(true);
    client.connect(options);
  }

  Subscriber listen(String filter) throws MqttException {
    client.subscribe(
        filter,
        1,
        (topic, message) -> {
          String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
          last.put(topic, payload);
          seen.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(payload);
        });
    return this;
  }

  Optional<String> last(String topic) {
    return Optional.ofNullable(last.get(topic));
  }

  /** Every payload received on {@code topic}, oldest first. */
  List<String> history(String topic) {
    return List.copyOf(seen.getOrDefault(topic, List.of()));
  }

  Map<String, String> all() {
    return Map.copyOf(last);
  }

  void forget() {
    last.clear();
    seen.clear();
  }

  void send(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  @Override
  public void close() throws MqttException {
    client.disconnectForcibly(1000);
    client.close(true);
  }
}
