package fr.marstek.automation.simulator;

import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import fr.marstek.automation.device.ModbusProfile;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated Venus's Modbus TCP front door (framing by digitalpetri's server) on the same {@link
 * SimulatedBattery} as its UDP Open API: the v3 or v2 register map, one client at a time (another
 * connection is closed at once, and the slot is free again only a while after the client left),
 * external control lost at reboot and when the work mode is written, and force writes acknowledged
 * but not obeyed while control is off. {@link #quirks()} counts each.
 */
public final class SimulatedModbusDevice implements AutoCloseable {

  private final ModbusTcpServer server;
  private final ModbusRequests services;
  private final InstantSource clock;
  private final Duration slotRelease;
  private final InetSocketAddress address;
  private Channel client;
  private Instant slotFreeAt = Instant.MIN;

  private SimulatedModbusDevice(
      ModbusTcpServer server,
      ModbusRequests services,
      InstantSource clock,
      Duration slotRelease,
      InetSocketAddress address) {
    this.server = server;
    this.services = services;
    this.clock = clock;
    this.slotRelease = slotRelease;
    this.address = address;
  }

  /**
   * Serves {@code battery} on {@code bind} (port 0 picks an ephemeral one) as unit 1.
   *
   * @param slotRelease how long after a client left before another may connect (about 1 s on a real
   *     v3; zero for tests whose clock does not move while they reconnect)
   */
  public static SimulatedModbusDevice start(
      SimulatedBattery battery,
      SimulatorOptions options,
      ModbusProfile profile,
      InetSocketAddress bind,
      Duration slotRelease,
      InstantSource clock) {
    var quirks = new ModbusQuirks();
    var services =
        new ModbusRequests(battery, new ModbusRegisterImage(profile, options, 1), quirks, 1);
    var bound = new CompletableFuture<InetSocketAddress>();
    var holder = new SimulatedModbusDevice[1];
    var transport =
        NettyTcpServerTransport.create(
            cfg -> {
              cfg.setBindAddress(bind.getAddress().getHostAddress());
              cfg.setPort(bind.getPort());
              cfg.setBootstrapCustomizer(
                  bootstrap ->
                      bootstrap.handler(
                          new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                              bound.complete((InetSocketAddress) ctx.channel().localAddress());
                              ctx.fireChannelActive();
                            }
                          }));
              cfg.setPipelineCustomizer(
                  pipeline -> pipeline.addFirst(new OneClient(holder, quirks)));
            });
    var server = ModbusTcpServer.create(transport, services);
    try {
      server.start();
      InetSocketAddress address = bound.get(5, TimeUnit.SECONDS);
      holder[0] = new SimulatedModbusDevice(server, services, clock, slotRelease, address);
      return holder[0];
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot serve Modbus on " + bind, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + bind, e);
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The battery model behind this front door (shared with its Open API, if any). */
  public SimulatedBattery battery() {
    return services.battery();
  }

  public ModbusQuirks quirks() {
    return services.quirks();
  }

  /** Requests handled so far, answered or refused. */
  public long requestsReceived() {
    return services.requests();
  }

  /** From now on requests get no answer at all (true) or answers again (false). */
  public void silence(boolean silent) {
    services.silence(silent);
  }

  /** Restarts the battery: the connection drops and external control is lost (counted). */
  public void reboot() {
    quirks().controlLostAtReboot(services.battery().reboot());
    Channel current;
    synchronized (this) {
      current = client;
    }
    if (current != null) {
      current.close().syncUninterruptibly();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (ExecutionException e) {
      throw new IllegalStateException("stopping the Modbus server failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a client holds the slot now (it is seen leaving on the server's own thread). */
  synchronized boolean hasClient() {
    return client != null;
  }

  private synchronized boolean admit(Channel channel) {
    if (client != null || clock.instant().isBefore(slotFreeAt)) {
      return false;
    }
    client = channel;
    return true;
  }

  private synchronized void left(Channel channel) {
    if (client == channel) {
      client = null;
      slotFreeAt = clock.instant().plus(slotRelease);
    }
  }

  /** The device's single client slot (spec 2.1): a second connection is closed at once. */
  private static final class OneClient extends ChannelInboundHandlerAdapter {
    private final SimulatedModbusDevice[] device;
    private final ModbusQuirks quirks;
    private boolean admitted;

    OneClient(SimulatedModbusDevice[] device, ModbusQuirks quirks) {
      this.device = device;
      this.quirks = quirks;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      if (device[0] == null || !device[0].admit(ctx.channel())) {
        quirks.secondClientRefused();
        var unused = ctx.close(); // a refused client: how its closing ends does not matter
        return;
      }
      admitted = true;
      ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (admitted) {
        device[0].left(ctx.channel());
      }
      ctx.fireChannelInactive();
    }
  }
}
