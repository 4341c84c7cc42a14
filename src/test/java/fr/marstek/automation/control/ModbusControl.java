package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.device.modbus.ModbusClientSettings;
import fr.marstek.automation.device.modbus.TcpBatteries;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedModbusDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Control end to end over Modbus TCP: {@link Automation} driving Modbus clients over real loopback
 * TCP to simulated devices, everything on one test clock. The client's pacing waits (150 ms between
 * requests, 1 s before a read-back) move that clock, so they show in the timings.
 */
final class ModbusControl implements AutoCloseable {

  final MutableClock clock;
  TcpBatteries fleet;
  private final ControlTestKit.Reading reading = new ControlTestKit.Reading();
  Automation automation;
  private ControlCycle cycle;
  final List<Object> events = new CopyOnWriteArrayList<>();

  private ModbusControl(
      MutableClock clock,
      ModbusClientSettings client,
      ModbusProfile profile,
      List<SimulatorOptions> options) {
    this.clock = clock;
    this.fleet = TcpBatteries.start(client, clock, profile, options);
    startControl();
  }

  private void startControl() {
    var control =
        ControlTestKit.control(
            fleet, UdpControl.SEED, events::add, clock, ImportCapSettings.none(), reading);
    automation = control.queries();
    cycle = control.cycle();
  }

  /** Batteries with each profile's real pacing, its waits taken on the test clock. */
  static ModbusControl at(String parisTime, ModbusProfile profile, SimulatorOptions... options) {
    return new ModbusControl(
        MutableClock.atParis(parisTime), TcpBatteries.profilePacing(), profile, List.of(options));
  }

  final List<String> failedPolls = new CopyOnWriteArrayList<>();

  /**
   * One control cycle: every battery is read once and reconciled; one that does not answer is
   * skipped until the next cycle, as the observer does.
   */
  void cycle() {
    for (BatteryPort port : fleet.all()) {
      cycle.run(port, false);
      try {
        reading.rethrow();
      } catch (BatteryUnreachable e) {
        failedPolls.add(parisNow() + " " + e.getMessage());
      }
    }
  }

  /**
   * Cycles every {@code step} of clock time, measured from each cycle's start, while the clock is
   * before {@code end}.
   */
  void cycleEvery(Duration step, String parisEnd, Runnable afterEach) {
    var end = MutableClock.atParis(parisEnd).instant();
    while (clock.instant().isBefore(end)) {
      var started = clock.instant();
      cycle();
      afterEach.run();
      var next = started.plus(step);
      if (clock.instant().isBefore(next)) {
        clock.advance(Duration.between(clock.instant(), next));
      }
    }
  }

  /** The service starts again (after {@link TcpBatteries#kill()}): new client, new control. */
  void restartService() {
    fleet = fleet.restartedClient();
    startControl();
  }

  /** Moves the clock without any control cycle, as while the service is down or stuck. */
  void advanceWithoutControl(Duration total, Duration step, Runnable afterEach) {
    Duration done = Duration.ZERO;
    while (done.compareTo(total) < 0) {
      clock.advance(step);
      done = done.plus(step);
      afterEach.run();
    }
  }

  SimulatedModbusDevice device(int number) {
    return fleet.device(number);
  }

  SimulatedBattery battery(int number) {
    return fleet.simulated(number);
  }

  ControlView view(int number) {
    return automation.view(BatteryId.of(number)).orElseThrow();
  }

  LocalDateTime parisNow() {
    return LocalDateTime.ofInstant(clock.instant(), PARIS);
  }

  <T> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() {
    fleet.close();
  }
}
