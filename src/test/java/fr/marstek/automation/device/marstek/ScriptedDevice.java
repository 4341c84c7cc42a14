package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small scripted Marstek peer on loopback: answers each method with a fixture and can misbehave
 * on purpose (drops, delays, duplicates, wrong ids, foreign port, busy, silence).
 */
public final class ScriptedDevice implements AutoCloseable {

  /** One datagram the device received, with its monotonic arrival time. */
  public record Received(
      int number, long atNanos, String json, String method, int id, InetSocketAddress from) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DatagramSocket socket;
  private final DatagramSocket foreign;
  private DatagramSocket broadcastListener;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, String> fixtures = new ConcurrentHashMap<>();
  private final Map<Integer, String> fixtureForRequest = new ConcurrentHashMap<>();
  private final Map<Integer, Duration> delayForRequest = new ConcurrentHashMap<>();
  private final Set<String> ignored = ConcurrentHashMap.newKeySet();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Long> repliedAtNanos = new CopyOnWriteArrayList<>();
  private volatile int dropEvery;
  private volatile Random randomDrops;
  private volatile double dropProbability;
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean twice;
  private volatile boolean wrongId;
  private volatile boolean fromForeignPort;
  private volatile int busyFirst;
  private volatile boolean silent;
  private volatile boolean replyToApiPort;

  private ScriptedDevice(InetAddress address) {
    try {
      socket = new DatagramSocket(new InetSocketAddress(address, 0));
      foreign = new DatagramSocket(new InetSocketAddress(address, 0));
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(() -> serve(socket));
  }

  /** A Venus E 3.0 fw 150 answering every read method with the section 7 captures. */
  public static ScriptedDevice venusE(InetAddress address) {
    return new ScriptedDevice(address)
        .answer("Marstek.GetDevice", "getdevice-reply-venus-e3.json")
        .answer("Wifi.GetStatus", "wifi-getstatus-reply.json")
        .answer("BLE.GetStatus", "ble-getstatus-reply.json")
        .answer("Bat.GetStatus", "bat-getstatus-reply.json")
        .answer("PV.GetStatus", "pv-getstatus-reply-venus-e-not-found.json")
        .answer("ES.GetStatus", "es-getstatus-reply-charging.json")
        .answer("ES.GetMode", "es-getmode-reply-fw150.json")
        .answer("EM.GetStatus", "em-getstatus-reply.json")
        .answer("ES.SetMode", "es-setmode-reply-accepted.json");
  }

  public static ScriptedDevice venusE() {
    return venusE(InetAddress.getLoopbackAddress());
  }

  public ScriptedDevice answer(String method, String fixture) {
    fixtures.put(method, Fixtures.text(fixture));
    return this;
  }

  /** Answers the n-th request (from 1) with this fixture instead, after the delay. */
  public ScriptedDevice answerRequest(int number, String fixture, Duration after) {
    fixtureForRequest.put(number, Fixtures.text(fixture));
    delayForRequest.put(number, after);
    return this;
  }

  /** Never answers this method, as some firmware does with ES.GetMode. */
  public ScriptedDevice ignore(String method) {
    ignored.add(method);
    return this;
  }

  public ScriptedDevice dropEvery(int n) {
    dropEvery = n;
    return this;
  }

  public ScriptedDevice dropRandomly(double probability, long seed) {
    dropProbability = probability;
    randomDrops = new Random(seed);
    return this;
  }

  public ScriptedDevice delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  public ScriptedDevice answerTwice() {
    twice = true;
    return this;
  }

  public ScriptedDevice answerWithWrongId() {
    wrongId = true;
    return this;
  }

  public ScriptedDevice answerFromForeignPort() {
    fromForeignPort = true;
    return this;
  }

  /** The first n requests get the busy answer: -32700 with id 0. */
  public ScriptedDevice busyFirst(int n) {
    busyFirst = n;
    return this;
  }

  public ScriptedDevice silent(boolean silent) {
    this.silent = silent;
    return this;
  }

  /** HMG-50 fw 153: replies go to the sender's IP on this device's own port. */
  public ScriptedDevice replyToApiPort() {
    replyToApiPort = true;
    return this;
  }

  /** Also hears broadcasts to 127.255.255.255 on this port, replying from the API socket. */
  public ScriptedDevice listenForBroadcasts() throws SocketException {
    broadcastListener =
        new DatagramSocket(new InetSocketAddress(InetAddress.ofLiteral("127.255.255.255"), port()));
    threads.execute(() -> serve(broadcastListener));
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public BatteryEndpoint endpoint(int number) {
    return new BatteryEndpoint(BatteryId.of(number), address());
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<String> receivedMethods() {
    return received.stream().map(Received::method).toList();
  }

  public List<Long> repliedAtNanos() {
    return List.copyOf(repliedAtNanos);
  }

  private void serve(DatagramSocket from) {
    byte[] buffer = new byte[4096];
    while (!from.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        from.receive(packet);
      } catch (IOException e) {
        return;
      }
      long at = System.nanoTime();
      String json = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      handle(json, (InetSocketAddress) packet.getSocketAddress(), at);
    }
  }

  private synchronized void handle(String json, InetSocketAddress sender, long at) {
    JsonNode request = JSON.readTree(json);
    String method = request.path("method").asString("");
    int id = request.path("id").asInt(0);
    int number = received.size() + 1;
    received.add(new Received(number, at, json, method, id, sender));
    if (silent || ignored.contains(method) || isDropped(number)) {
      return;
    }
    String reply = reply(number, method, id);
    InetSocketAddress target =
        replyToApiPort ? new InetSocketAddress(sender.getAddress(), port()) : sender;
    Duration wait = delayForRequest.getOrDefault(number, delay);
    threads.execute(() -> send(reply, target, wait, twice ? 2 : 1));
  }

  private boolean isDropped(int number) {
    if (dropEvery > 0 && number % dropEvery == 0) {
      return true;
    }
    return randomDrops != null && randomDrops.nextDouble() < dropProbability;
  }

  private String reply(int number, String method, int id) {
    if (number <= busyFirst) {
      return Fixtures.text("error-reply-parse-busy.json");
    }
    String fixture = fixtureForRequest.getOrDefault(number, fixtures.get(method));
    if (fixture == null) {
      fixture = Fixtures.text("error-reply-method-not-found.json");
    }
    ObjectNode reply = (ObjectNode) JSON.readTree(fixture);
    reply.put("id", wrongId ? (id % 65535) + 1 : id);
    return JSON.writeValueAsString(reply);
  }

  private void send(String reply, InetSocketAddress target, Duration wait, int times) {
    try {
      Thread.sleep(wait);
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < times; i++) {
        repliedAtNanos.add(System.nanoTime());
        (fromForeignPort ? foreign : socket).send(new DatagramPacket(bytes, bytes.length, target));
      }
    } catch (IOException | InterruptedException e) {
      // closed while replying: the test is over
    }
  }

  @Override
  public void close() {
    socket.close();
    foreign.close();
    if (broadcastListener != null) {
      broadcastListener.close();
    }
    threads.shutdownNow();
  }
}
