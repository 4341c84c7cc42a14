package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.protocol.DeviceInfo;
import fr.marstek.automation.device.marstek.protocol.Request;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A battery left at the factory port (30000) while {@code BATTERY_X_PORT} defaults to 30000+X would
 * stay offline with no hint. When a battery has never answered on its configured port, one {@code
 * Marstek.GetDevice} goes to the factory port, once per battery and per run: the real battery is
 * fragile, so a silent one is not asked again.
 */
final class FactoryPortProbe {

  /** The Open API port of a Marstek battery out of the box. */
  static final int FACTORY_PORT = 30000;

  private static final Logger log = LoggerFactory.getLogger(FactoryPortProbe.class);

  /** What came back from the factory port: the link to keep, and the device's reply if read. */
  record Answer(BatteryLink link, Optional<DeviceInfo> device) {}

  private final MarstekTransport transport;
  private final LocalPortPolicy policy;
  private final int factoryPort;
  private final AtomicBoolean tried = new AtomicBoolean();

  /**
   * @param factoryPort the port to try, 0 to never try one (then {@link #tryOnce} does nothing)
   */
  FactoryPortProbe(MarstekTransport transport, LocalPortPolicy policy, int factoryPort) {
    this.transport = transport;
    this.policy = policy;
    this.factoryPort = factoryPort;
  }

  /**
   * Tries the factory port if this battery never answered on {@code configured}, the port differs
   * and no other configured battery already sits there; at most once per run.
   */
  Optional<Answer> tryOnce(BatteryLink configured) {
    BatteryEndpoint endpoint = configured.endpoint();
    var factory = new InetSocketAddress(endpoint.address().getAddress(), factoryPort);
    if (factoryPort == 0
        || configured.everHeard()
        || endpoint.address().getPort() == factoryPort
        || transport.hasLink(factory)
        || !tried.compareAndSet(false, true)) {
      return Optional.empty();
    }
    BatteryLink probe = transport.link(new BatteryEndpoint(endpoint.id(), factory), policy);
    try {
      DeviceInfo info = probe.exchangeOnce(Request.getDevice(), DeviceInfo::from);
      return Optional.of(new Answer(probe, Optional.of(info)));
    } catch (DeviceRefused e) {
      // An error reply is still an answer: the battery is there.
      return Optional.of(new Answer(probe, Optional.empty()));
    } catch (BatteryUnreachable e) {
      if (probe.everHeard()) {
        return Optional.of(new Answer(probe, Optional.empty()));
      }
      log.debug("battery {}: no answer on the factory port {} either", endpoint.id(), factoryPort);
      transport.forget(probe);
      return Optional.empty();
    }
  }
}
