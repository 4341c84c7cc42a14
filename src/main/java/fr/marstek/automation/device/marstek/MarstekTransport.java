package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.marstek.protocol.MalformedReply;
import fr.marstek.automation.device.marstek.protocol.MarstekCodec;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the UDP sockets: one per distinct local port, shared by every battery on it (spec 2.5).
 * Replies are routed to the battery whose address sent them and matched there by request id.
 */
final class MarstekTransport implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MarstekTransport.class);
  private static final int EPHEMERAL = 0;

  private final TransportContext context;
  private final ExecutorService receivers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<Integer, LocalSocket> sockets = new ConcurrentHashMap<>();
  private final Map<InetSocketAddress, BatteryLink> links = new ConcurrentHashMap<>();
  private volatile boolean running;

  MarstekTransport(MarstekClientSettings settings, TransportClock clock) {
    this(settings, clock, new RequestIds());
  }

  MarstekTransport(MarstekClientSettings settings, TransportClock clock, RequestIds ids) {
    this(settings, clock, ids, clock::now);
  }

  MarstekTransport(
      MarstekClientSettings settings,
      TransportClock clock,
      RequestIds ids,
      InstantSource budgetClock) {
    this.context =
        new TransportContext(
            settings,
            clock,
            ids,
            new SendStagger(settings.staggerGap()),
            new MarstekCodec(),
            budgetClock);
  }

  MarstekClientSettings settings() {
    return context.settings();
  }

  TransportClock clock() {
    return context.clock();
  }

  /** The link to one battery, sending from a local port chosen by the policy. */
  synchronized BatteryLink link(BatteryEndpoint endpoint, LocalPortPolicy policy) {
    BatteryLink existing = links.get(endpoint.address());
    if (existing != null) {
      return existing;
    }
    LocalSocket socket =
        policy == LocalPortPolicy.DEVICE ? devicePortSocket(endpoint) : socket(EPHEMERAL);
    BatteryLink link = new BatteryLink(endpoint, socket, context);
    links.put(endpoint.address(), link);
    return link;
  }

  /** True when a battery link to this address exists already (another configured battery). */
  boolean hasLink(InetSocketAddress address) {
    return links.containsKey(address);
  }

  /** Drops a link nobody uses any more (a probe that went unanswered); its socket stays shared. */
  void forget(BatteryLink link) {
    links.remove(link.endpoint().address(), link);
  }

  private LocalSocket devicePortSocket(BatteryEndpoint endpoint) {
    int port = endpoint.address().getPort();
    try {
      return sockets.computeIfAbsent(port, this::bindOrThrow);
    } catch (UncheckedIOException e) {
      log.warn(
          "battery {} ({}): cannot send from local port {} ({}); using a free port instead, and"
              + " some firmware (Venus C/E 2.0 fw 153) only replies to its own port. Free port {}"
              + " or move the battery to another port in the Marstek app.",
          endpoint.id(),
          endpoint.hostAndPort(),
          port,
          e.getCause().getMessage(),
          port);
      return socket(EPHEMERAL);
    }
  }

  private LocalSocket socket(int port) {
    return sockets.computeIfAbsent(port, this::bindOrThrow);
  }

  private LocalSocket bindOrThrow(int port) {
    var local = new InetSocketAddress(context.settings().localAddress(), port);
    try {
      LocalSocket socket = LocalSocket.bind(local, receivers, this::dispatch);
      log.debug("listening for battery replies on {}", socket.localAddress());
      return socket;
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void dispatch(DatagramPacket packet) {
    var source = (InetSocketAddress) packet.getSocketAddress();
    BatteryLink link = links.get(source);
    if (link == null) {
      log.debug("dropped a datagram from {}: no battery configured there", source);
      return;
    }
    link.heard(context.clock().now());
    try {
      link.offer(context.codec().parse(packet.getData(), packet.getOffset(), packet.getLength()));
    } catch (MalformedReply e) {
      link.reportMalformed("datagram", e.getMessage());
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    sockets.values().forEach(LocalSocket::close);
    sockets.clear();
    receivers.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
