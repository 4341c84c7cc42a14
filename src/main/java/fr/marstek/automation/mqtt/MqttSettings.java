package fr.marstek.automation.mqtt;

import fr.marstek.automation.config.Variables;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The broker and topics, from {@code MQTT_URL} ({@code mqtt://user:pass@host:1883} or {@code
 * mqtts://}), {@code MQTT_USERNAME}/{@code MQTT_PASSWORD}, {@code MQTT_DISCOVERY_PREFIX}, {@code
 * MQTT_BASE_TOPIC}, {@code MQTT_COMMANDS_ENABLED} and {@code MQTT_STATE_INTERVAL_SECONDS}.
 *
 * @param serverUri Paho's form ({@code tcp://host:port} or {@code ssl://host:port}); empty when
 *     MQTT is off
 */
public record MqttSettings(
    Optional<String> serverUri,
    Optional<String> username,
    Optional<String> password,
    String discoveryPrefix,
    String baseTopic,
    boolean commandsEnabled,
    Duration stateInterval) {

  static final String URL_EXPECTED =
      "mqtt://[user:password@]host[:port] (or tcp://...), or mqtts://... (or ssl://...) for TLS";
  static final String TOPIC_EXPECTED = "a topic without '+', '#', spaces or a leading/trailing '/'";

  public MqttSettings {
    if (!validTopic(discoveryPrefix) || !validTopic(baseTopic)) {
      throw new IllegalArgumentException(TOPIC_EXPECTED);
    }
  }

  @Override
  public String toString() {
    return "MqttSettings["
        + serverUri.orElse("off")
        + ", user "
        + username.orElse("none")
        + ", password "
        + password.map(p -> "set").orElse("none")
        + ", discovery "
        + discoveryPrefix
        + ", base "
        + baseTopic
        + ", commands "
        + commandsEnabled
        + "]";
  }

  boolean enabled() {
    return serverUri.isPresent();
  }

  static MqttSettings off() {
    return new MqttSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "homeassistant",
        "marstek",
        true,
        Duration.ofSeconds(60));
  }

  /** Reads and checks every MQTT variable; mistakes are recorded in {@code variables}. */
  public static MqttSettings from(Variables variables) {
    Optional<URI> url = variables.text("MQTT_URL").flatMap(raw -> brokerUrl(variables, raw));
    Optional<String[]> userInfo = url.map(URI::getRawUserInfo).map(u -> u.split(":", 2));
    Optional<String> username =
        variables.text("MQTT_USERNAME").or(() -> userInfo.map(u -> decode(u[0])));
    Optional<String> password =
        variables
            .text("MQTT_PASSWORD")
            .or(() -> userInfo.filter(u -> u.length == 2).map(u -> decode(u[1])));
    String prefix = topic(variables, "MQTT_DISCOVERY_PREFIX", "homeassistant");
    String base = topic(variables, "MQTT_BASE_TOPIC", "marstek");
    boolean commands = variables.flag("MQTT_COMMANDS_ENABLED", true);
    int interval = variables.integer("MQTT_STATE_INTERVAL_SECONDS", 60, 5, 3600, "seconds 5-3600");
    return new MqttSettings(
        url.map(MqttSettings::pahoUri),
        username,
        password,
        prefix,
        base,
        commands,
        Duration.ofSeconds(interval));
  }

  private static Optional<URI> brokerUrl(Variables variables, String raw) {
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // tcp:// and ssl:// are Paho's and many brokers' own spelling of mqtt:// and mqtts://
      if (List.of("mqtt", "mqtts", "tcp", "ssl").contains(scheme) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below, like any other wrong value
    }
    // The URL may hold the broker password: the message shows everything but it.
    variables.problem("MQTT_URL", raw.replaceAll("(//[^:/@]*:)[^@/]*@", "$1****@"), URL_EXPECTED);
    return Optional.empty();
  }

  private static String pahoUri(URI url) {
    boolean tls =
        url.getScheme().equalsIgnoreCase("mqtts") || url.getScheme().equalsIgnoreCase("ssl");
    int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
    String host = url.getHost().contains(":") ? "[" + url.getHost() + "]" : url.getHost();
    return (tls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  private static String topic(Variables variables, String name, String fallback) {
    return variables.get(
        name,
        fallback,
        TOPIC_EXPECTED,
        raw -> {
          if (!validTopic(raw)) {
            throw new IllegalArgumentException("topic");
          }
          return raw;
        });
  }

  private static boolean validTopic(String topic) {
    return topic != null && topic.matches("[^+#\\s/]+(/[^+#\\s/]+)*");
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
