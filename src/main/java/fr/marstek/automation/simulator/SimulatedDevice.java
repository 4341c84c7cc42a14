package fr.marstek.automation.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated Venus E as a real UDP peer: it binds {@code bindAddress:port}, answers Open API
 * requests from that socket on a virtual thread, and applies the switchable {@link Faults}.
 */
public final class SimulatedDevice implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);
  private static final int RECEIVE_BUFFER = 4096;
  private static final byte[] GARBAGE =
      "\u0000{\"id\":,\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1);

  private final SimulatorOptions options;
  private final InstantSource clock;
  private final RequestLog requestLog;
  private final FieldQuirks quirks;
  private final DatagramSocket socket;
  private final SimulatedBattery battery;
  private final Faults faults;
  private final Dispatcher dispatcher;
  private final AtomicInteger received = new AtomicInteger();
  private final Thread server;
  private volatile Instant deafUntil = Instant.MIN;
  private volatile HandledListener handledListener = answered -> {};

  /** Told, in order, of every datagram the device handled and whether it sent a readable reply. */
  @FunctionalInterface
  public interface HandledListener {
    void handled(boolean answered);
  }

  private SimulatedDevice(SimulatorOptions options, InstantSource clock, DatagramSocket socket) {
    this.options = options;
    this.clock = clock;
    this.socket = socket;
    this.battery = new SimulatedBattery(options, clock);
    this.faults = new Faults(new SplittableRandom(options.seed()), battery);
    InetAddress local = socket.getLocalAddress();
    String ip =
        (local.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : local).getHostAddress();
    this.requestLog = new RequestLog(clock);
    this.quirks = new FieldQuirks(clock, options.firmware());
    this.dispatcher = new Dispatcher(options, battery, faults, ip, requestLog, quirks);
    this.server = Thread.ofVirtual().name("simulated-" + options.bleMac()).unstarted(this::serve);
  }

  /** Binds the socket and starts answering; port 0 in the options picks an ephemeral port. */
  public static SimulatedDevice start(SimulatorOptions options, InstantSource clock) {
    DatagramSocket socket;
    try {
      socket = new DatagramSocket(new InetSocketAddress(options.bindAddress(), options.port()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind the simulator to " + options.bindAddress() + ":" + options.port(), e);
    }
    SimulatedDevice device = new SimulatedDevice(options, clock, socket);
    device.server.start();
    return device;
  }

  /** Where the device listens, with the real port when an ephemeral one was asked. */
  public InetSocketAddress address() {
    return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
  }

  public Faults faults() {
    return faults;
  }

  public SimulatedBattery battery() {
    return battery;
  }

  public SimulatorOptions options() {
    return options;
  }

  /** Datagrams received and fully handled so far, answered or not. */
  /** The field's quirks, all off until switched on. */
  public FieldQuirks quirks() {
    return quirks;
  }

  /** The requests handled so far, by method and time. */
  public RequestLog requestLog() {
    return requestLog;
  }

  public int requestsReceived() {
    return received.get();
  }

  /**
   * Tells the listener after each handled datagram whether a readable reply went out: a test client
   * then knows at once that a lost request will never be answered (its timeouts cost no real time).
   */
  public void onHandled(HandledListener listener) {
    handledListener = listener;
  }

  @Override
  public void close() {
    socket.close();
    try {
      server.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() {
    byte[] buffer = new byte[RECEIVE_BUFFER];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        continue; // closed: the loop ends; anything else: wait for the next datagram
      }
      if (isOwnEcho(packet)) {
        continue;
      }
      boolean answered = false;
      try {
        answered = respond(packet);
      } catch (IOException | RuntimeException e) {
        LOG.warn("simulated battery {} failed to answer: {}", options.bleMac(), e.toString());
      } finally {
        // Counted once handled, so a test that sees the count knows no reply is still coming.
        received.incrementAndGet();
        handledListener.handled(answered);
      }
    }
  }

  // A reply to our own port on our own address would otherwise loop forever.
  private boolean isOwnEcho(DatagramPacket packet) {
    return packet.getPort() == socket.getLocalPort()
        && packet.getAddress().equals(socket.getLocalAddress());
  }

  /** Answers one datagram; true when a reply that can be read was sent. */
  private boolean respond(DatagramPacket packet) throws IOException {
    if (packet.getLength() == 0) {
      faults.emptyDatagramReceived();
    }
    if (faults.apiDisabled() || clock.instant().isBefore(deafUntil) || faults.dropsThisRequest()) {
      return false;
    }
    if (!quirks.answers()) {
      return false;
    }
    quirks.fallBack(battery.mode()).ifPresent(battery::drift);
    faults.driftTarget().ifPresent(battery::drift);
    Optional<String> reply = dispatcher.handle(packet.getData(), packet.getLength());
    if (reply.isEmpty()) {
      return false;
    }
    pause(faults.replyDelay());
    boolean garbage = faults.garbageReplies();
    byte[] bytes = garbage ? GARBAGE.clone() : reply.get().getBytes(StandardCharsets.UTF_8);
    SocketAddress to =
        options.replyToApiPort()
            ? new InetSocketAddress(packet.getAddress(), socket.getLocalPort())
            : packet.getSocketAddress();
    socket.send(new DatagramPacket(bytes, bytes.length, to));
    if (faults.duplicateReplies()) {
      socket.send(new DatagramPacket(bytes, bytes.length, to));
    }
    // Only when the fault is on: a test clock set backwards must not make a healthy device deaf.
    deafUntil =
        faults.postReplyDeafness().isZero()
            ? Instant.MIN
            : clock.instant().plus(faults.postReplyDeafness());
    return !garbage;
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
