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
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * Marstek batteries over real UDP to simulated devices on loopback, for tests outside this package:
 * battery {@code n} talks to device {@code n - 1}, all through one transport.
 */
public final class UdpBatteries implements Batteries, AutoCloseable {

  private final MarstekTransport transport;
  private final InstantSource deviceClock;
  private final Optional<KnownSilenceClock> knownSilences;
  private final List<SimulatedDevice> devices = new ArrayList<>();
  private final List<BatteryPort> ports = new ArrayList<>();

  // The request budget (how often each method may go out) runs on the devices' clock, as the
  // service keeps it on its own clock; datagram pacing waits on the real one.
  private UdpBatteries(
      MarstekClientSettings settings,
      InstantSource budgetClock,
      Optional<KnownSilenceClock> knownSilences) {
    this.deviceClock = budgetClock;
    this.knownSilences = knownSilences;
    this.transport =
        new MarstekTransport(
            settings,
            knownSilences
                .<TransportClock>map(c -> c)
                .orElseGet(() -> new SystemTransportClock(InstantSource.system())),
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
    return new UdpBatteries(settings, deviceClock, Optional.empty()).startDevices(options);
  }

  /**
   * One battery whose requests the simulated device leaves unanswered (lost, API off) time out at
   * once instead of after the timeout ({@link KnownSilenceClock}): for fault runs that lose
   * hundreds of requests. Replies, late ones included, still come over real UDP in real time.
   */
  public static UdpBatteries startKnowingSilences(
      MarstekClientSettings settings, InstantSource deviceClock, SimulatorOptions options) {
    var clock = new KnownSilenceClock();
    var fleet = new UdpBatteries(settings, deviceClock, Optional.of(clock));
    fleet.startDevices(List.of(options));
    fleet.device(1).onHandled(clock);
    return fleet;
  }

  private UdpBatteries startDevices(List<SimulatorOptions> options) {
    for (SimulatorOptions o : options) {
      int number = devices.size() + 1;
      String mac = String.format(Locale.ROOT, "0123456789%02x", number);
      SimulatedDevice device = SimulatedDevice.start(o.withBleMac(mac), deviceClock);
      devices.add(device);
      var endpoint = new BatteryEndpoint(BatteryId.of(number), device.address());
      ports.add(
          new MarstekBattery(
              transport.link(endpoint, LocalPortPolicy.EPHEMERAL),
              transport.clock(),
              transport.settings()));
    }
    return this;
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
    knownSilences.ifPresent(this::checkOneWaitPerRequest);
    transport.stop();
    devices.forEach(SimulatedDevice::close);
  }

  // The clock's n-th wait must have been for the n-th datagram the device handled.
  private void checkOneWaitPerRequest(KnownSilenceClock clock) {
    SimulatedDevice device = device(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> device.requestsReceived() >= clock.waits());
    if (device.requestsReceived() != clock.waits()) {
      throw new IllegalStateException(
          device.requestsReceived() + " requests handled, " + clock.waits() + " waited for");
    }
  }
}
