package fr.marstek.automation.simulator;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DemoBatteries;
import fr.marstek.automation.units.Percent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Demo mode: simulated batteries on loopback, closed when the application stops. */
@Component
final class DemoFleet implements DemoBatteries, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);
  private static final int[] INITIAL_SOC = {45, 62, 80};

  private final InstantSource clock;
  private final List<SimulatedDevice> devices = new ArrayList<>();

  DemoFleet(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized List<BatteryEndpoint> start(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("demo mode needs at least one battery, was " + count);
    }
    List<BatteryEndpoint> endpoints = new ArrayList<>();
    for (int number = devices.size() + 1; endpoints.size() < count; number++) {
      SimulatedDevice device = SimulatedDevice.start(options(number, count), clock);
      devices.add(device);
      endpoints.add(new BatteryEndpoint(BatteryId.of(number), device.address()));
    }
    LOG.info(
        "Demo mode: no battery configured, so {} SIMULATED Venus E batteries answer on loopback"
            + " (real 2009 household load near Paris): {}",
        count,
        endpoints.stream()
            .map(e -> "battery " + e.id() + " at " + e.hostAndPort())
            .collect(Collectors.joining(", ")));
    return endpoints;
  }

  /** Battery n of a fleet: its own MAC and seed, a staggered SoC and a share of the house. */
  static SimulatorOptions options(int number, int fleetSize) {
    return SimulatorOptions.defaults()
        .withPort(0)
        .withBleMac(String.format("02d0c0de%04x", number))
        .withWifiMac(String.format("02d0c0df%04x", number))
        .withInitialSoc(Percent.of(INITIAL_SOC[(number - 1) % INITIAL_SOC.length]))
        .withLoad(HouseholdLoad.realProfile(1.0 / fleetSize))
        .withSeed(number);
  }

  @Override
  public synchronized void destroy() {
    devices.forEach(SimulatedDevice::close);
    devices.clear();
  }
}
