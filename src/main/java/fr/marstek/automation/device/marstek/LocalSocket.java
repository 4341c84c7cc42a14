package fr.marstek.automation.device.marstek;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound UDP socket shared by every battery using its local port; receives on a virtual thread.
 */
final class LocalSocket implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSocket.class);
  private static final int RECEIVE_BUFFER = 4096;

  private final DatagramSocket socket;

  private LocalSocket(DatagramSocket socket) {
    this.socket = socket;
  }

  /** Binds without address reuse: two sockets on one port would steal each other's replies. */
  static LocalSocket bind(
      InetSocketAddress local, ExecutorService receivers, Consumer<DatagramPacket> onDatagram)
      throws SocketException {
    DatagramSocket socket = new DatagramSocket(null);
    try {
      socket.setReuseAddress(false);
      socket.bind(local);
    } catch (SocketException e) {
      socket.close();
      throw e;
    }
    LocalSocket bound = new LocalSocket(socket);
    receivers.execute(() -> bound.receive(onDatagram));
    return bound;
  }

  int port() {
    return socket.getLocalPort();
  }

  InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void send(byte[] datagram, InetSocketAddress target) throws IOException {
    if (datagram.length == 0) {
      throw new IllegalArgumentException("an empty datagram freezes the Open API");
    }
    socket.send(new DatagramPacket(datagram, datagram.length, target));
  }

  private void receive(Consumer<DatagramPacket> onDatagram) {
    byte[] buffer = new byte[RECEIVE_BUFFER];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        onDatagram.accept(packet);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.debug("receive on local port {} failed: {}", port(), e.getMessage());
        }
      } catch (RuntimeException e) {
        log.error("dropping a datagram that broke the receiver", e);
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
