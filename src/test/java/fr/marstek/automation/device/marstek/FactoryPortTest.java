package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.PortMismatch;
import fr.marstek.automation.simulator.RequestLog;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A battery left at the factory port while {@code BATTERY_X_PORT} names another, over real UDP. The
 * factory port is an ephemeral loopback port standing for 30000 (a fixed port would collide with
 * parallel test forks and with a real battery's port).
 */
class FactoryPortTest {

  // Long enough for a loaded test machine; a silent port costs (1 + retries) timeouts per read.
  private static final Duration TIMEOUT = Duration.ofMillis(600);
  private static final int READ_RETRIES = 1;

  private final MarstekClientSettings settings = UdpBatteries.fastPacing(TIMEOUT, READ_RETRIES);
  private final MarstekTransport transport = TestSettings.transport(settings);
  private SilentPort configured;
  private SilentPort silentFactory;
  private SimulatedDevice device;

  @AfterEach
  void close() {
    transport.stop();
    for (var port : new SilentPort[] {configured, silentFactory}) {
      if (port != null) {
        port.close();
      }
    }
    if (device != null) {
      device.close();
    }
  }

  private MarstekBattery battery(int number, InetSocketAddress address, int factoryPort) {
    var link =
        transport.link(
            new BatteryEndpoint(BatteryId.of(number), address), LocalPortPolicy.EPHEMERAL);
    return new MarstekBattery(
        link,
        transport.clock(),
        settings,
        new FactoryPortProbe(transport, LocalPortPolicy.EPHEMERAL, factoryPort));
  }

  @Test
  void findsTheBatteryOnTheFactoryPortWithOneRequestAndKeepsUsingIt() throws Exception {
    configured = SilentPort.open();
    device = SimulatedDevice.start(SimulatorOptions.defaults().withPort(0), InstantSource.system());
    int factoryPort = device.address().getPort();
    var appender = capture();
    MarstekBattery battery = battery(2, configured.address(), factoryPort);

    var first = battery.readStatus();
    battery.readStatus();
    battery.readStatus();

    assertThat(first.soc().value()).isPositive();
    assertThat(battery.portMismatch())
        .contains(new PortMismatch(BatteryId.of(2), configured.port(), factoryPort));
    assertThat(battery.portMismatch().get().setting()).isEqualTo("BATTERY_2_PORT=" + factoryPort);
    assertThat(battery.address()).isEqualTo("127.0.0.1:" + factoryPort);
    // The configured port heard the identification and the status read, each with its retries,
    // and nothing once the battery was found.
    assertThat(configured.received()).isEqualTo(2 * (1 + READ_RETRIES));
    assertThat(methods(device.requestLog()))
        .startsWith("Marstek.GetDevice", "ES.GetStatus")
        .containsOnlyOnce("Marstek.GetDevice");
    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "Battery 2 answers on port " + factoryPort + ", not " + configured.port(),
                        "set BATTERY_2_PORT=" + factoryPort + " in .env"));
  }

  @Test
  void asksTheFactoryPortOnceOnlyWhenNothingAnswersThereEither() throws Exception {
    configured = SilentPort.open();
    silentFactory = SilentPort.open();
    MarstekBattery battery = battery(1, configured.address(), silentFactory.port());

    for (int poll = 0; poll < 3; poll++) {
      assertThatThrownBy(battery::readStatus).isInstanceOf(BatteryUnreachable.class);
    }

    assertThat(silentFactory.received()).isEqualTo(1);
    assertThat(battery.portMismatch()).isEmpty();
    assertThat(battery.address()).isEqualTo("127.0.0.1:" + configured.port());
    // Three polls of a read with its retries, plus the identification tried at the first poll.
    assertThat(configured.received()).isGreaterThanOrEqualTo(3 * (1 + READ_RETRIES));
  }

  @Test
  void neverProbesABatteryThatAnsweredOnItsOwnPort() throws Exception {
    device = SimulatedDevice.start(SimulatorOptions.defaults().withPort(0), InstantSource.system());
    silentFactory = SilentPort.open();
    MarstekBattery battery = battery(1, device.address(), silentFactory.port());

    battery.readStatus();
    device.faults().lossRate(1.0);
    assertThatThrownBy(battery::readStatus).isInstanceOf(BatteryUnreachable.class);

    assertThat(silentFactory.received()).isZero();
    assertThat(battery.portMismatch()).isEmpty();
  }

  @Test
  void leavesTheFactoryPortToTheBatteryConfiguredThere() throws Exception {
    device = SimulatedDevice.start(SimulatorOptions.defaults().withPort(0), InstantSource.system());
    configured = SilentPort.open();
    int factoryPort = device.address().getPort();
    battery(1, device.address(), factoryPort).readStatus();
    MarstekBattery second = battery(2, configured.address(), factoryPort);

    assertThatThrownBy(second::readStatus).isInstanceOf(BatteryUnreachable.class);

    // Battery 1 identified itself once; a probe from battery 2 would be a second identification.
    assertThat(methods(device.requestLog())).containsOnlyOnce("Marstek.GetDevice");
    assertThat(second.portMismatch()).isEmpty();
  }

  private static java.util.List<String> methods(RequestLog log) {
    return log.entries().stream().map(RequestLog.Entry::method).toList();
  }

  private static ListAppender<ILoggingEvent> capture() {
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(MarstekBattery.class)).addAppender(appender);
    return appender;
  }

  /** A loopback UDP port that counts datagrams and never answers: a battery that is not there. */
  private static final class SilentPort implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger received = new AtomicInteger();

    private SilentPort(DatagramSocket socket) {
      this.socket = socket;
      Thread.ofVirtual().start(this::count);
    }

    static SilentPort open() throws SocketException {
      return new SilentPort(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
    }

    private void count() {
      byte[] buffer = new byte[4096];
      while (!socket.isClosed()) {
        try {
          socket.receive(new DatagramPacket(buffer, buffer.length));
          received.incrementAndGet();
        } catch (java.io.IOException e) {
          return;
        }
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    int received() {
      return received.get();
    }

    @Override
    public void close() {
      socket.close();
    }
  }
}
