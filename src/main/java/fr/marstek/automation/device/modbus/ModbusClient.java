package fr.marstek.automation.device.modbus;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.ModbusEndpoint;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns every Modbus battery's connection: opens a port per configured battery, runs the keeper
 * while the service lives, and on a clean stop hands each battery it holds back to its own
 * self-consumption before disconnecting. Stops after control (a lower phase), so nothing takes
 * control again once it was handed back.
 */
public final class ModbusClient implements SmartLifecycle {

  /** Stops after the beans of the default phase, such as the control cycle. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

  private static final Logger log = LoggerFactory.getLogger(ModbusClient.class);

  private final ModbusClientSettings settings;
  private final LinkClock clock;
  private final List<ModbusBattery> batteries = new CopyOnWriteArrayList<>();
  // The kind of unexpected failure each battery's keeper pass last logged, so that a failure
  // repeated at every tick is logged once, and again only after a clean pass or another kind.
  private final Map<ModbusBattery, Class<?>> failing = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService keeper;

  ModbusClient(ModbusClientSettings settings, LinkClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public static ModbusClient create(ModbusClientSettings settings, InstantSource clock) {
    return new ModbusClient(settings, LinkClock.system(clock));
  }

  /** The port to one battery; its connection opens on the first request. */
  public BatteryPort open(ModbusEndpoint endpoint) {
    RegisterMap map = RegisterMap.of(endpoint.profile());
    var link = new ModbusLink(endpoint, settings.pacingFor(map), clock);
    var battery = new ModbusBattery(link, map, clock, settings);
    batteries.add(battery);
    return battery;
  }

  /** One keeper pass: runs the program of every held battery the control cycle left alone. */
  void keepAll() {
    for (ModbusBattery battery : batteries) {
      keep(battery);
    }
  }

  /**
   * An unchecked exception must not leave this task: the scheduler would silently never run the
   * keeper again, and held batteries would keep their last setpoint past their slots' ends.
   */
  private void keep(ModbusBattery battery) {
    try {
      battery.keep(settings.keeperQuiet());
      failing.remove(battery);
    } catch (RuntimeException e) {
      if (failing.put(battery, e.getClass()) != e.getClass()) {
        log.error(
            "battery {}: keeper pass failed unexpectedly; it runs again at the next tick (logged"
                + " once until it passes)",
            battery.id(),
            e);
      }
    }
  }

  /** As a killed process leaves them: connections closed by the system, nothing handed back. */
  synchronized void abandon() {
    ScheduledExecutorService running = keeper;
    keeper = null;
    if (running != null) {
      running.shutdownNow();
    }
    batteries.forEach(ModbusBattery::abandon);
  }

  @Override
  public synchronized void start() {
    if (keeper != null) {
      return;
    }
    keeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("modbus-keeper").factory());
    long tick = settings.keeperTick().toMillis();
    // Not kept: shutting the executor down ends it, and keepAll lets no failure out.
    var unused = keeper.scheduleWithFixedDelay(this::keepAll, tick, tick, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = keeper;
    keeper = null;
    if (running != null) {
      running.shutdownNow();
    }
    batteries.forEach(ModbusBattery::release);
  }

  @Override
  public boolean isRunning() {
    return keeper != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
