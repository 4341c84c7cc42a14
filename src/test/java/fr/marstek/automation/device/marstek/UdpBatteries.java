package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marstek batteries over real UDP to simulated devices on loopback, for tests outside this package:
 * battery {@code n} talks to device {@code n - 1}, all through one transport.
 */
public final class UdpBatteries implements Batteries, AutoCloseable {

  private final MarstekTransport transport;
  private final List<SimulatedDevice> devices = new ArrayList<>();
  private final List<BatteryPort> ports = new ArrayList<>();

  // The request budget (how often each method may go out) runs on the devices' clock, as the
  // service keeps it on its own clock; datagram pacing waits on the real one.
  private UdpBatteries(MarstekClientSettings settings, InstantSource budgetClock) {
    this.transport =
        new MarstekTransport(
            settings,
            new SystemTransportClock(InstantSource.system()),
            new RequestIds(),
            budgetClock);
  }

  /** No pacing at all and short timeouts: loopback devices answer at once. */
  public static MarstekClientSettings fastPacing() {
    return fastPacing(Duration.ofMillis(250), 2);
  }

  /** No pacing, this timeout for every attempt and this many retries, 5 ms more per retry. */
  public static MarstekClientSettings fastPacing(Duration timeout, int retries) {
    return new MarstekClientSettings(
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        timeout,
        timeout,
        retries,
        retries,
        Duration.ofMillis(5),
        MarstekClientSettings.defaults().temperatureEvery(),
        LocalPortPolicy.EPHEMERAL,
        InetAddress.getLoopbackAddress());
  }

  /** Starts one simulated device per options (each gets its own MAC) on the devices' clock. */
  public static UdpBatteries start(
      MarstekClientSettings settings, InstantSource deviceClock, List<SimulatorOptions> options) {
    var fleet = new UdpBatteries(settings, deviceClock);
    for (SimulatorOptions o : options) {
      int number = fleet.devices.size() + 1;
      String mac = String.format(Locale.ROOT, "0123456789%02x", number);
      SimulatedDevice device = SimulatedDevice.start(o.withBleMac(mac), deviceClock);
      fleet.devices.add(device);
      var endpoint = new BatteryEndpoint(BatteryId.of(number), device.address());
      fleet.ports.add(
          new MarstekBattery(
              fleet.transport.link(endpoint, LocalPortPolicy.EPHEMERAL),
              fleet.transport.clock(),
              settings));
    }
    return fleet;
  }

  public static UdpBatteries start(
      MarstekClientSettings settings, InstantSource deviceClock, SimulatorOptions... options) {
    return start(settings, deviceClock, List.of(options));
  }

  /** Battery {@code number}, counted from 1. */
  public BatteryPort battery(int number) {
    return ports.get(number - 1);
  }

  /** The simulated device behind battery {@code number}. */
  public SimulatedDevice device(int number) {
    return devices.get(number - 1);
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
    transport.stop();
    devices.forEach(SimulatedDevice::close);
  }
}
