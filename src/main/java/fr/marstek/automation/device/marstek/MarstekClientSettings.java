package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.Variables;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * How the client paces and retries requests (spec 2.6). Defaults follow what real devices tolerate;
 * tests shrink them.
 *
 * @param quietGap next request no earlier than this after the last datagram from that battery
 * @param sendGap next request no earlier than this after the previous one to that battery
 * @param staggerGap least time between two sends to different batteries
 * @param readRetries attempts after the first for reads
 * @param writeRetries attempts after the first for {@code ES.SetMode}
 * @param retryBackoff added wait before retry n, times n
 * @param temperatureEvery how long a {@code Bat.GetStatus} temperature is reused
 * @param localAddress where local sockets bind (0.0.0.0 = every interface)
 */
public record MarstekClientSettings(
    Duration quietGap,
    Duration sendGap,
    Duration staggerGap,
    Duration readTimeout,
    Duration writeTimeout,
    int readRetries,
    int writeRetries,
    Duration retryBackoff,
    Duration temperatureEvery,
    LocalPortPolicy localPortPolicy,
    InetAddress localAddress) {

  public MarstekClientSettings {
    requireNotNegative("quietGap", quietGap);
    requireNotNegative("sendGap", sendGap);
    requireNotNegative("staggerGap", staggerGap);
    requireNotNegative("retryBackoff", retryBackoff);
    requireNotNegative("temperatureEvery", temperatureEvery);
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive: " + readTimeout);
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
    }
    if (readRetries < 0 || writeRetries < 0) {
      throw new IllegalArgumentException("retries cannot be negative");
    }
  }

  /**
   * The spec's defaults: 2 s quiet gap, 3 s reads with 2 retries, 5 s writes with 3 retries; the
   * pack temperature every 15 minutes (it moves slowly, and each request counts against the
   * budget).
   */
  public static MarstekClientSettings defaults() {
    return new MarstekClientSettings(
        Duration.ofMillis(2000),
        Duration.ofMillis(300),
        Duration.ofMillis(50),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        2,
        3,
        Duration.ofSeconds(1),
        Duration.ofMinutes(15),
        LocalPortPolicy.DEVICE,
        InetAddress.ofLiteral("0.0.0.0"));
  }

  public MarstekClientSettings withLocalPortPolicy(LocalPortPolicy policy) {
    return new MarstekClientSettings(
        quietGap,
        sendGap,
        staggerGap,
        readTimeout,
        writeTimeout,
        readRetries,
        writeRetries,
        retryBackoff,
        temperatureEvery,
        policy,
        localAddress);
  }

  /** Reads the {@code MARSTEK_*} variables; mistakes are recorded in {@code variables}. */
  public static MarstekClientSettings from(Variables variables) {
    MarstekClientSettings d = defaults();
    return new MarstekClientSettings(
        millis(variables, "MARSTEK_REQUEST_GAP_MS", d.quietGap(), 0, 60_000),
        millis(variables, "MARSTEK_SEND_GAP_MS", d.sendGap(), 0, 60_000),
        millis(variables, "MARSTEK_STAGGER_GAP_MS", d.staggerGap(), 0, 10_000),
        millis(variables, "MARSTEK_READ_TIMEOUT_MS", d.readTimeout(), 50, 60_000),
        millis(variables, "MARSTEK_WRITE_TIMEOUT_MS", d.writeTimeout(), 50, 60_000),
        variables.integer(
            "MARSTEK_READ_RETRIES", d.readRetries(), 0, 10, "a number of retries 0-10"),
        variables.integer(
            "MARSTEK_WRITE_RETRIES", d.writeRetries(), 0, 10, "a number of retries 0-10"),
        millis(variables, "MARSTEK_RETRY_BACKOFF_MS", d.retryBackoff(), 0, 60_000),
        Duration.ofSeconds(
            variables.integer(
                "MARSTEK_TEMPERATURE_EVERY_S",
                (int) d.temperatureEvery().toSeconds(),
                0,
                86_400,
                "seconds between battery temperature reads, 0-86400")),
        variables.get(
            "MARSTEK_LOCAL_PORT_POLICY",
            d.localPortPolicy(),
            "device (send from the battery's API port) or ephemeral (any free port)",
            raw -> LocalPortPolicy.valueOf(raw.toUpperCase(Locale.ROOT))),
        variables.get(
            "MARSTEK_LOCAL_ADDRESS",
            d.localAddress(),
            "a local IPv4 address to bind, such as 0.0.0.0",
            InetAddress::ofLiteral));
  }

  /** Timeout of one attempt for this kind of request. */
  public Duration timeout(boolean write) {
    return write ? writeTimeout : readTimeout;
  }

  public int attempts(boolean write) {
    return 1 + (write ? writeRetries : readRetries);
  }

  private static Duration millis(
      Variables variables, String name, Duration fallback, int min, int max) {
    return Duration.ofMillis(
        variables.integer(
            name, (int) fallback.toMillis(), min, max, "milliseconds " + min + "-" + max));
  }

  private static void requireNotNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " cannot be negative: " + value);
    }
  }
}
