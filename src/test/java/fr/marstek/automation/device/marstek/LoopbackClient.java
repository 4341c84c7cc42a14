package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.DemoBatteries;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The Marstek client wired as the service wires it ({@code BATTERY_X_IP/PORT} read by {@link
 * MarstekBatteries}, one {@link MarstekTransport}), for benchmarks in other packages. Sends from an
 * ephemeral local port, since the simulators on this host own their API ports.
 */
public final class LoopbackClient implements AutoCloseable {

  private final MarstekTransport transport;
  private final MarstekBatteries batteries;

  private LoopbackClient(MarstekTransport transport, MarstekBatteries batteries) {
    this.transport = transport;
    this.batteries = batteries;
  }

  /** Real waits on the system clock, as in the service. */
  public static LoopbackClient wire(List<BatteryEndpoint> endpoints, MarstekClientSettings pacing) {
    var transport =
        new MarstekTransport(
            pacing.withLocalPortPolicy(LocalPortPolicy.EPHEMERAL),
            new SystemTransportClock(InstantSource.system()));
    Map<String, String> variables = new HashMap<>();
    for (BatteryEndpoint e : endpoints) {
      variables.put("BATTERY_" + e.id() + "_IP", e.address().getAddress().getHostAddress());
      variables.put("BATTERY_" + e.id() + "_PORT", Integer.toString(e.address().getPort()));
    }
    var noDemo = new DefaultListableBeanFactory().getBeanProvider(DemoBatteries.class);
    var batteries = new MarstekBatteries(() -> new Variables(variables), transport, noDemo);
    transport.start();
    return new LoopbackClient(transport, batteries);
  }

  /** The spec's default pacing and timeouts, sockets bound to loopback only. */
  public static MarstekClientSettings defaultPacing() {
    return on(MarstekClientSettings.defaults(), InetAddress.getLoopbackAddress());
  }

  /** The default timeouts and retries with other gaps (quiet, send, stagger). */
  public static MarstekClientSettings gaps(Duration quiet, Duration send, Duration stagger) {
    var d = defaultPacing();
    return new MarstekClientSettings(
        quiet,
        send,
        stagger,
        d.readTimeout(),
        d.writeTimeout(),
        d.readRetries(),
        d.writeRetries(),
        d.retryBackoff(),
        d.temperatureEvery(),
        d.localPortPolicy(),
        d.localAddress());
  }

  /** Other timeouts and backoff, keeping the gaps and retry counts. */
  public static MarstekClientSettings timeouts(
      MarstekClientSettings s, Duration read, Duration write, Duration backoff) {
    return new MarstekClientSettings(
        s.quietGap(),
        s.sendGap(),
        s.staggerGap(),
        read,
        write,
        s.readRetries(),
        s.writeRetries(),
        backoff,
        s.temperatureEvery(),
        s.localPortPolicy(),
        s.localAddress());
  }

  private static MarstekClientSettings on(MarstekClientSettings s, InetAddress local) {
    return new MarstekClientSettings(
        s.quietGap(),
        s.sendGap(),
        s.staggerGap(),
        s.readTimeout(),
        s.writeTimeout(),
        s.readRetries(),
        s.writeRetries(),
        s.retryBackoff(),
        s.temperatureEvery(),
        s.localPortPolicy(),
        local);
  }

  public Batteries batteries() {
    return batteries;
  }

  @Override
  public void close() {
    transport.stop();
  }
}
