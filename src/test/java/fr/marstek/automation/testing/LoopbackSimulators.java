package fr.marstek.automation.testing;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.units.Percent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** N simulated Venus E on 127.0.0.1 ephemeral ports, numbered 1..N like a configured fleet. */
public final class LoopbackSimulators implements AutoCloseable {

  private static final int[] INITIAL_SOC = {45, 62, 80};

  private final List<SimulatedDevice> devices = new ArrayList<>();

  private LoopbackSimulators() {}

  public static LoopbackSimulators start(int count, InstantSource clock) {
    return start(count, clock, 0);
  }

  /** Device n draws its faults from seed {@code seedOffset + n}, so rounds can differ. */
  public static LoopbackSimulators start(int count, InstantSource clock, long seedOffset) {
    LoopbackSimulators fleet = new LoopbackSimulators();
    for (int number = 1; number <= count; number++) {
      fleet.devices.add(SimulatedDevice.start(options(number, count, seedOffset), clock));
    }
    return fleet;
  }

  private static SimulatorOptions options(int number, int count, long seedOffset) {
    return SimulatorOptions.defaults()
        .withPort(0)
        .withBleMac(String.format("02d0c0de%04x", number))
        .withWifiMac(String.format("02d0c0df%04x", number))
        .withInitialSoc(Percent.of(INITIAL_SOC[(number - 1) % INITIAL_SOC.length]))
        .withLoad(HouseholdLoad.realProfile(1.0 / count))
        .withSeed(seedOffset + number);
  }

  public List<SimulatedDevice> devices() {
    return devices;
  }

  /** Battery n is device n-1, as {@code BATTERY_n_IP/PORT} would name it. */
  public List<BatteryEndpoint> endpoints() {
    List<BatteryEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      endpoints.add(new BatteryEndpoint(BatteryId.of(i + 1), devices.get(i).address()));
    }
    return endpoints;
  }

  /** Datagrams every device has received and handled so far, dropped ones included. */
  public long requestsReceived() {
    return devices.stream().mapToLong(SimulatedDevice::requestsReceived).sum();
  }

  public void lossRate(double share) {
    devices.forEach(d -> d.faults().lossRate(share));
  }

  @Override
  public void close() {
    devices.forEach(SimulatedDevice::close);
  }
}
