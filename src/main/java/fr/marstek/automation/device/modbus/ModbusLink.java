package fr.marstek.automation.device.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusExecutionException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.ModbusEndpoint;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One battery's Modbus TCP connection (framing by digitalpetri's client): strictly one request in
 * flight, a gap after each exchange, function codes 3 and 6 only. The battery serves one client at
 * a time, so the connection is kept open and, once closed, reopened only after the device had time
 * to free its slot; no keep-alive, no reconnect loop (the next request reconnects).
 */
final class ModbusLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModbusLink.class);

  private final ModbusEndpoint endpoint;
  private final ModbusPacing pacing;
  private final LinkClock clock;
  private final ReentrantLock inFlight = new ReentrantLock();
  private final AtomicLong requests = new AtomicLong();
  private ModbusTcpClient client;
  private Instant closedAt = Instant.MIN;
  private Instant lastExchange = Instant.MIN;

  ModbusLink(ModbusEndpoint endpoint, ModbusPacing pacing, LinkClock clock) {
    this.endpoint = endpoint;
    this.pacing = pacing;
    this.clock = clock;
  }

  ModbusEndpoint endpoint() {
    return endpoint;
  }

  /** Requests sent since start, answered or not: what the battery had to handle. */
  long requestsSent() {
    return requests.get();
  }

  /** {@code words} raw register values from {@code first} on, in one request. */
  int[] read(Register first, int words) throws BatteryUnreachable {
    byte[] bytes =
        exchange(
            first,
            c ->
                c.readHoldingRegisters(
                        endpoint.unit(), new ReadHoldingRegistersRequest(first.address(), words))
                    .registers());
    if (bytes.length != words * 2) {
      close();
      throw new BatteryUnreachable(
          "battery " + endpoint.id() + " answered " + bytes.length + " bytes for " + first);
    }
    int[] values = new int[words];
    for (int i = 0; i < words; i++) {
      values[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    return values;
  }

  /** Writes one register (function code 6). */
  void write(Register register, int value) throws BatteryUnreachable {
    exchange(
        register,
        c ->
            c.writeSingleRegister(
                endpoint.unit(), new WriteSingleRegisterRequest(register.address(), value)));
  }

  /** Waits the time the device needs to apply writes before they are read back. */
  void settle() throws BatteryUnreachable {
    pause(clock.now().plus(pacing.settle()));
  }

  /** Closes now; the next request opens a fresh connection once the device freed its slot. */
  @Override
  public void close() {
    inFlight.lock();
    try {
      ModbusTcpClient open = client;
      client = null;
      if (open != null) {
        closedAt = clock.now();
        try {
          open.disconnect();
        } catch (ModbusExecutionException e) {
          log.debug("battery {}: closing Modbus: {}", endpoint.id(), e.getMessage());
        }
      }
    } finally {
      inFlight.unlock();
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T on(ModbusTcpClient client)
        throws ModbusExecutionException, ModbusResponseException, ModbusTimeoutException;
  }

  private <T> T exchange(Register register, Call<T> call) throws BatteryUnreachable {
    inFlight.lock();
    try {
      pause(lastExchange.plus(pacing.gap()));
      boolean reused = client != null && client.isConnected();
      try {
        return attempt(register, call);
      } catch (ConnectionLost e) {
        if (!reused) {
          throw e.unreachable;
        }
        // The battery closed a kept connection (reboot, network-chip reset): one fresh try.
        return attempt(register, call);
      }
    } catch (ConnectionLost e) {
      throw e.unreachable;
    } finally {
      inFlight.unlock();
    }
  }

  private <T> T attempt(Register register, Call<T> call) throws BatteryUnreachable, ConnectionLost {
    boolean fresh = client == null || !client.isConnected();
    ModbusTcpClient open = connected();
    requests.incrementAndGet();
    try {
      return call.on(open);
    } catch (ModbusResponseException e) {
      close(); // the v3 closes the connection itself after an exception reply
      throw refused(register, e);
    } catch (ModbusTimeoutException e) {
      // A request written just before the battery closed the connection is never answered.
      boolean dropped = !open.isConnected();
      close();
      if (dropped) {
        throw new ConnectionLost(new BatteryUnreachable(closedReason(fresh, e)));
      }
      throw new BatteryUnreachable(
          "no Modbus reply from unit "
              + endpoint.unit()
              + " for "
              + register
              + " within "
              + pacing.timeout().toMillis()
              + " ms (is BATTERY_"
              + endpoint.id()
              + "_MODBUS_UNIT right?)");
    } catch (ModbusExecutionException e) {
      close();
      throw new ConnectionLost(new BatteryUnreachable(closedReason(fresh, e)));
    } finally {
      lastExchange = clock.now();
    }
  }

  private String closedReason(boolean fresh, Exception e) {
    return fresh
        ? "the battery closed a new Modbus connection at once: it serves one client at a time; is"
            + " another program (Home Assistant, a Modbus proxy) connected to "
            + endpoint.hostAndPort()
            + "?"
        : "Modbus connection to " + endpoint.hostAndPort() + " lost: " + rootMessage(e);
  }

  /** A request that failed because the connection went away, not because the battery refused. */
  private static final class ConnectionLost extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final BatteryUnreachable unreachable;

    ConnectionLost(BatteryUnreachable unreachable) {
      super(unreachable.getMessage(), null, false, false);
      this.unreachable = unreachable;
    }
  }

  private ModbusTcpClient connected() throws BatteryUnreachable {
    if (client != null && client.isConnected()) {
      return client;
    }
    if (client != null) {
      close(); // dropped by the battery: it frees its slot only after a while
    }
    pause(closedAt.plus(pacing.reconnectWait()));
    var transport =
        NettyTcpClientTransport.create(
            cfg -> {
              cfg.setHostname(endpoint.address().getAddress().getHostAddress());
              cfg.setPort(endpoint.address().getPort());
              cfg.setConnectTimeout(pacing.timeout());
              cfg.setConnectPersistent(false);
              cfg.setReconnectLazy(true);
            });
    var fresh = ModbusTcpClient.create(transport, cfg -> cfg.setRequestTimeout(pacing.timeout()));
    try {
      fresh.connect();
    } catch (ModbusExecutionException e) {
      closedAt = clock.now();
      disconnectQuietly(fresh);
      throw new BatteryUnreachable(
          "cannot open Modbus TCP to "
              + endpoint.hostAndPort()
              + " ("
              + rootMessage(e)
              + "); the battery serves one client at a time: is another program connected?");
    }
    client = fresh;
    return fresh;
  }

  private BatteryUnreachable refused(Register register, ModbusResponseException e) {
    boolean noSuchAddress = e.getExceptionCode() == ExceptionCode.ILLEGAL_DATA_ADDRESS.getCode();
    String hint =
        noSuchAddress
            ? ": this battery has no such register; check BATTERY_"
                + endpoint.id()
                + "_MODBUS_PROFILE (v3 for Venus E 3.0/A/D, v2 for Venus E 1.0/2.0)"
            : "";
    return new BatteryUnreachable(
        "battery " + endpoint.id() + " refused " + register + " (" + e.getMessage() + ")" + hint);
  }

  private void pause(Instant until) throws BatteryUnreachable {
    try {
      clock.sleepUntil(until);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatteryUnreachable("interrupted while waiting to talk to " + endpoint.id(), e);
    }
  }

  private static void disconnectQuietly(ModbusTcpClient c) {
    try {
      c.disconnect();
    } catch (ModbusExecutionException ignored) {
      // never connected: nothing to release
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
