package fr.marstek.automation.device.marstek.discovery;

import fr.marstek.automation.device.marstek.protocol.DeviceInfo;
import fr.marstek.automation.device.marstek.protocol.MalformedReply;
import fr.marstek.automation.device.marstek.protocol.MarstekCodec;
import fr.marstek.automation.device.marstek.protocol.Request;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Broadcasts {@code Marstek.GetDevice} every interval for a window, keeps listening a little
 * longer, and collects one entry per battery (spec section 3).
 */
public final class Discovery {

  /**
   * What to probe.
   *
   * @param broadcasts where to send; empty means 255.255.255.255 and every interface's broadcast
   * @param ports device API ports to probe (a device only hears broadcasts to its own port)
   * @param bindAddress local address; each socket tries the probed port first (spec 2.5)
   */
  public record Options(
      List<InetAddress> broadcasts,
      List<Integer> ports,
      Duration window,
      Duration interval,
      Duration listen,
      InetAddress bindAddress) {

    public Options {
      broadcasts = List.copyOf(broadcasts);
      ports = List.copyOf(new LinkedHashSet<>(ports));
      if (ports.isEmpty()) {
        throw new IllegalArgumentException("probe at least one port");
      }
      if (!interval.isPositive() || window.isNegative() || listen.isNegative()) {
        throw new IllegalArgumentException(
            "interval must be positive, window and listen not negative");
      }
    }
  }

  private static final int RECEIVE_TIMEOUT_MS = 100;

  private final Options options;
  private final InstantSource clock;
  private final Consumer<String> notes;
  private final MarstekCodec codec = new MarstekCodec();

  /** {@code notes} receives one-line remarks such as a port that could not be bound. */
  public Discovery(Options options, InstantSource clock, Consumer<String> notes) {
    this.options = options;
    this.clock = clock;
    this.notes = notes;
  }

  /** Runs the whole window; batteries sorted by IP, then port. */
  public List<DiscoveredBattery> run() throws IOException, InterruptedException {
    Map<String, DiscoveredBattery> found = new ConcurrentHashMap<>();
    List<InetAddress> targets =
        options.broadcasts().isEmpty() ? defaultBroadcasts() : options.broadcasts();
    List<DatagramSocket> sockets = new ArrayList<>();
    try (ExecutorService receivers = Executors.newVirtualThreadPerTaskExecutor()) {
      try {
        for (int port : options.ports()) {
          DatagramSocket socket = open(port);
          sockets.add(socket);
          receivers.execute(() -> receive(socket, found));
        }
        probe(sockets, targets);
      } finally {
        sockets.forEach(DatagramSocket::close);
      }
    }
    return found.values().stream()
        .sorted(
            Comparator.comparing(
                    (DiscoveredBattery b) -> b.address().getAddress().getAddress(),
                    java.util.Arrays::compareUnsigned)
                .thenComparingInt(DiscoveredBattery::port))
        .toList();
  }

  private void probe(List<DatagramSocket> sockets, List<InetAddress> targets)
      throws InterruptedException {
    byte[] probe = codec.encode(0, Request.getDevice());
    Instant end = clock.instant().plus(options.window());
    do {
      for (int i = 0; i < sockets.size(); i++) {
        for (InetAddress target : targets) {
          send(sockets.get(i), probe, new InetSocketAddress(target, options.ports().get(i)));
        }
      }
      sleepUntil(earliest(clock.instant().plus(options.interval()), end));
    } while (clock.instant().isBefore(end));
    sleepUntil(clock.instant().plus(options.listen()));
  }

  private void send(DatagramSocket socket, byte[] probe, InetSocketAddress target) {
    try {
      socket.send(new DatagramPacket(probe, probe.length, target));
    } catch (IOException e) {
      notes.accept("could not send to " + target + ": " + e.getMessage());
    }
  }

  /** Binds the probed port when free (HMG-50 fw 153 replies only there), else any port. */
  private DatagramSocket open(int port) throws SocketException {
    DatagramSocket socket = new DatagramSocket(null);
    socket.setBroadcast(true);
    socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
    try {
      socket.bind(new InetSocketAddress(options.bindAddress(), port));
    } catch (SocketException e) {
      socket.bind(new InetSocketAddress(options.bindAddress(), 0));
      notes.accept(
          "local port "
              + port
              + " is in use ("
              + e.getMessage()
              + "); probing from port "
              + socket.getLocalPort()
              + ": Venus C/E 2.0 on firmware 153 will not answer");
    }
    return socket;
  }

  private void receive(DatagramSocket socket, Map<String, DiscoveredBattery> found) {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        accept(packet).ifPresent(b -> found.putIfAbsent(b.key(), b));
      } catch (SocketTimeoutException e) {
        // poll again until the socket is closed
      } catch (IOException e) {
        return;
      }
    }
  }

  private java.util.Optional<DiscoveredBattery> accept(DatagramPacket packet) {
    try {
      var reply = codec.parse(packet.getData(), packet.getOffset(), packet.getLength());
      DeviceInfo info = DeviceInfo.from(reply);
      return java.util.Optional.of(
          new DiscoveredBattery(
              info.model(),
              info.firmware(),
              (InetSocketAddress) packet.getSocketAddress(),
              info.bleMac(),
              info.wifiMac()));
    } catch (MalformedReply e) {
      // Our own echoed broadcast and unrelated traffic land here.
      return java.util.Optional.empty();
    }
  }

  private void sleepUntil(Instant moment) throws InterruptedException {
    Duration left = Duration.between(clock.instant(), moment);
    if (left.isPositive()) {
      Thread.sleep(left);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** 255.255.255.255 and each up, non-loopback interface's directed broadcast. */
  static List<InetAddress> defaultBroadcasts() throws SocketException {
    Set<InetAddress> targets = new LinkedHashSet<>();
    targets.add(InetAddress.ofLiteral("255.255.255.255"));
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (nic.isUp() && !nic.isLoopback()) {
        nic.getInterfaceAddresses().stream()
            .map(java.net.InterfaceAddress::getBroadcast)
            .filter(java.util.Objects::nonNull)
            .forEach(targets::add);
      }
    }
    return List.copyOf(targets);
  }
}
