package fr.marstek.automation.mqtt;

import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.DeviceIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model and firmware for Home Assistant's device card: asked once per battery (a read, never a
 * command), again only after the battery comes back.
 */
final class DeviceIdentities implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeviceIdentities.class);

  private final Batteries batteries;
  private final Map<BatteryId, DeviceIdentity> known = new ConcurrentHashMap<>();
  private final Set<BatteryId> tried = ConcurrentHashMap.newKeySet();
  private final ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor();

  DeviceIdentities(Batteries batteries) {
    this.batteries = batteries;
  }

  Optional<DeviceIdentity> of(BatteryId id) {
    return Optional.ofNullable(known.get(id));
  }

  /** Asks the battery who it is, unless already asked; {@code then} runs once it answered. */
  void learn(BatteryId id, Runnable then) {
    if (!tried.add(id)) {
      return;
    }
    batteries
        .find(id)
        .ifPresent(
            port ->
                askers.execute(
                    () -> {
                      try {
                        known.put(id, port.identify());
                        then.run();
                      } catch (BatteryUnreachable e) {
                        log.debug("battery {}: model unknown for now: {}", id, e.getMessage());
                      }
                    }));
  }

  void retry(BatteryId id) {
    if (!known.containsKey(id)) {
      tried.remove(id);
    }
  }

  @Override
  public void close() {
    askers.shutdownNow();
  }
}
