package fr.marstek.automation.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain datagram socket on loopback playing the client in tests. */
final class UdpClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DatagramSocket socket;
  private final InetSocketAddress device;

  UdpClient(InetSocketAddress device) {
    this(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  UdpClient(InetSocketAddress device, InetSocketAddress local) {
    this.device = device;
    try {
      this.socket = new DatagramSocket(local);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void enableBroadcast() {
    try {
      socket.setBroadcast(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, device));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next datagram, or empty if none arrives within the wait. */
  Optional<String> receive(Duration wait) {
    byte[] buffer = new byte[4096];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.setSoTimeout((int) wait.toMillis());
      socket.receive(packet);
      return Optional.of(
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends and returns the raw reply; fails the test if none comes within 5 s. */
  String call(String request) {
    send(request);
    return receive(Duration.ofSeconds(5))
        .orElseThrow(() -> new AssertionError("no reply to " + request));
  }

  JsonNode callJson(String request) {
    return JSON.readTree(call(request));
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  static String request(int id, String method) {
    return "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{\"id\":0}}";
  }

  static String setMode(int id, String config) {
    return "{\"id\":"
        + id
        + ",\"method\":\"ES.SetMode\",\"params\":{\"id\":0,\"config\":"
        + config
        + "}}";
  }

  @Override
  public void close() {
    socket.close();
  }
}
