package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.ModbusEndpoint;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedModbusDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Modbus batteries over real TCP to simulated devices on loopback, for tests outside this package:
 * battery {@code n} talks to device {@code n - 1}, all through one {@link ModbusClient}.
 */
public final class TcpBatteries implements Batteries, AutoCloseable {

  private final ModbusClient client;
  private final MutableClock clock;
  private final ModbusClientSettings settings;
  private final List<SimulatedModbusDevice> devices = new ArrayList<>();
  private final List<BatteryPort> ports = new ArrayList<>();

  private TcpBatteries(ModbusClientSettings settings, MutableClock clock, LinkClock linkClock) {
    this.settings = settings;
    this.clock = clock;
    this.client = new ModbusClient(settings, linkClock);
  }

  /** No waits between requests and a short timeout: the test clock never moves by itself. */
  public static ModbusClientSettings noPacing() {
    return new ModbusClientSettings(
        Optional.of(ModbusPacing.none(Duration.ofSeconds(2))),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  /** Each profile's real pacing, its waits taken on the test clock instead of slept. */
  public static ModbusClientSettings profilePacing() {
    return ModbusClientSettings.defaults();
  }

  /** Starts one simulated device per options, on {@code clock}; waits move that clock. */
  public static TcpBatteries start(
      ModbusClientSettings settings,
      MutableClock clock,
      ModbusProfile profile,
      List<SimulatorOptions> options) {
    return start(settings, clock, advancing(clock), profile, options);
  }

  /** As {@link #start}, the client reading time and waiting through {@code linkClock}. */
  static TcpBatteries start(
      ModbusClientSettings settings,
      MutableClock clock,
      LinkClock linkClock,
      ModbusProfile profile,
      List<SimulatorOptions> options) {
    var fleet = new TcpBatteries(settings, clock, linkClock);
    for (SimulatorOptions o : options) {
      int number = fleet.devices.size() + 1;
      SimulatorOptions own = o.withBleMac(String.format(Locale.ROOT, "0123456789%02x", number));
      var battery = new SimulatedBattery(own, clock);
      var device =
          SimulatedModbusDevice.start(
              battery,
              own,
              profile,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              Duration.ZERO,
              clock);
      fleet.devices.add(device);
      fleet.ports.add(
          fleet.client.open(
              new ModbusEndpoint(BatteryId.of(number), device.address(), 1, profile)));
    }
    return fleet;
  }

  public static TcpBatteries start(
      ModbusClientSettings settings,
      MutableClock clock,
      ModbusProfile profile,
      SimulatorOptions... options) {
    return start(settings, clock, profile, List.of(options));
  }

  /**
   * A new client to the same simulated devices, as a restarted service would open: call {@link
   * #kill()} or {@link #stopCleanly()} on this one first, since each device takes one client.
   */
  public TcpBatteries restartedClient() {
    var fresh = new TcpBatteries(settings, clock, advancing(clock));
    for (int i = 0; i < devices.size(); i++) {
      SimulatedModbusDevice device = devices.get(i);
      var endpoint = ((ModbusBattery) ports.get(i)).endpoint();
      fresh.devices.add(device);
      fresh.ports.add(fresh.client.open(endpoint));
    }
    return fresh;
  }

  /** A clock whose waits jump the test clock, so pacing costs no real time and shows in it. */
  static LinkClock advancing(MutableClock clock) {
    return new LinkClock() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public void sleepUntil(Instant moment) {
        Duration left = Duration.between(clock.instant(), moment);
        if (left.isPositive()) {
          clock.advance(left);
        }
      }
    };
  }

  public BatteryPort battery(int number) {
    return ports.get(number - 1);
  }

  public SimulatedModbusDevice device(int number) {
    return devices.get(number - 1);
  }

  public SimulatedBattery simulated(int number) {
    return devices.get(number - 1).battery();
  }

  /** Requests battery {@code number}'s port sent so far. */
  public long requestsSent(int number) {
    return ((ModbusBattery) ports.get(number - 1)).requestsSent();
  }

  /** The client's clean stop: every held battery is handed back, connections closed. */
  public void stopCleanly() {
    client.stop();
  }

  /** As if the service were killed: connections dropped, nothing handed back. */
  public void kill() {
    client.abandon();
  }

  /** One keeper pass, as its timer would run it. */
  public void keeperPass() {
    client.keepAll();
  }

  public ModbusClient client() {
    return client;
  }

  @Override
  public List<BatteryPort> all() {
    return List.copyOf(ports);
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  @Override
  public void close() {
    client.abandon();
    devices.forEach(SimulatedModbusDevice::close);
  }
}
