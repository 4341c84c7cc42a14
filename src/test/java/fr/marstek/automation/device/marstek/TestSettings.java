package fr.marstek.automation.device.marstek;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;

/** Small gaps and timeouts so that tests over real UDP stay quick. */
final class TestSettings {

  private TestSettings() {}

  static MarstekClientSettings fast() {
    return new MarstekClientSettings(
        Duration.ofMillis(30),
        Duration.ofMillis(10),
        Duration.ofMillis(5),
        Duration.ofMillis(300),
        Duration.ofMillis(400),
        2,
        3,
        Duration.ofMillis(10),
        Duration.ofMinutes(5),
        LocalPortPolicy.EPHEMERAL,
        InetAddress.getLoopbackAddress());
  }

  static MarstekClientSettings with(
      MarstekClientSettings s, Duration quietGap, Duration readTimeout, int readRetries) {
    return new MarstekClientSettings(
        quietGap,
        s.sendGap(),
        s.staggerGap(),
        readTimeout,
        s.writeTimeout(),
        readRetries,
        s.writeRetries(),
        s.retryBackoff(),
        s.temperatureEvery(),
        s.localPortPolicy(),
        s.localAddress());
  }

  static MarstekTransport transport(MarstekClientSettings settings) {
    return new MarstekTransport(settings, new SystemTransportClock(InstantSource.system()));
  }
}
