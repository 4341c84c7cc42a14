package fr.marstek.automation.control;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.MarstekClientSettings;
import fr.marstek.automation.device.marstek.UdpBatteries;
import fr.marstek.automation.simulator.HouseholdLoad;
import fr.marstek.automation.simulator.SimulatedBattery;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.simulator.SimulatorOptions;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Control end to end: {@link Automation} driving Marstek clients over real UDP to simulated
 * devices, everything on one test clock; a cycle polls each battery once, as the observer does.
 */
final class UdpControl implements AutoCloseable {

  static final ControlSettings SEED =
      new ControlSettings(
          OperatingSchedule.ofHours(6, 22),
          SafetyLimits.venusE(),
          Map.of(),
          RetryPolicy.standard(),
          ControlSettings.Strategy.FIXED,
          0.05);

  /** A Venus E at 50 % under a steady 400 W house load. */
  static final SimulatorOptions VENUS =
      SimulatorOptions.defaults()
          .withInitialSoc(Percent.of(50))
          .withLoad(HouseholdLoad.constant(Watts.of(400)));

  final MutableClock clock;
  final UdpBatteries fleet;
  final ControlTestKit.Reading reading = new ControlTestKit.Reading();
  final Automation automation;
  final HouseholdIntent intent;
  final ControlCycle cycle;
  final List<Object> events = new CopyOnWriteArrayList<>();
  int followUpPolls;

  private UdpControl(
      MutableClock clock,
      ControlSettings settings,
      ImportCapSettings importCap,
      List<SimulatorOptions> options) {
    this(clock, settings, importCap, UdpBatteries.fastPacing(), options);
  }

  private UdpControl(
      MutableClock clock,
      ControlSettings settings,
      ImportCapSettings importCap,
      MarstekClientSettings pacing,
      List<SimulatorOptions> options) {
    this(clock, settings, importCap, UdpBatteries.start(pacing, clock, options));
  }

  private UdpControl(
      MutableClock clock,
      ControlSettings settings,
      ImportCapSettings importCap,
      UdpBatteries fleet) {
    this.clock = clock;
    this.fleet = fleet;
    var control = ControlTestKit.control(fleet, settings, events::add, clock, importCap, reading);
    this.automation = control.queries();
    this.intent = control.intent();
    this.cycle = control.cycle();
  }

  /** Batteries of one house under an import cap. */
  static UdpControl capped(
      String parisTime, ImportCapSettings importCap, List<SimulatorOptions> options) {
    return new UdpControl(MutableClock.atParis(parisTime), SEED, importCap, options);
  }

  static UdpControl at(String parisTime, ControlSettings settings, SimulatorOptions... options) {
    return new UdpControl(
        MutableClock.atParis(parisTime), settings, ImportCapSettings.none(), List.of(options));
  }

  static UdpControl at(String parisTime, SimulatorOptions... options) {
    return at(parisTime, SEED, options);
  }

  /**
   * As {@link #at(String, SimulatorOptions...)} with one battery, each request given up after
   * {@code timeout} (and retried twice). A request the simulated device leaves unanswered times out
   * at once, on the transport's own clock, instead of after the timeout: a fault run loses hundreds
   * and would otherwise spend most of its real time waiting them out. A late reply still has to
   * come within the real timeout.
   */
  static UdpControl withTimeout(String parisTime, Duration timeout, SimulatorOptions options) {
    var clock = MutableClock.atParis(parisTime);
    return new UdpControl(
        clock,
        SEED,
        ImportCapSettings.none(),
        UdpBatteries.startKnowingSilences(UdpBatteries.fastPacing(timeout, 2), clock, options));
  }

  /** One control cycle: every battery is read once and reconciled. */
  void cycle() throws BatteryUnreachable {
    for (BatteryPort port : fleet.all()) {
      cycle.run(port, false);
      reading.rethrow();
    }
  }

  /** Cycles every {@code step} of clock time while the clock is before {@code end}. */
  void cycleEvery(Duration step, String parisEnd, Runnable afterEach) throws BatteryUnreachable {
    var end = MutableClock.atParis(parisEnd).instant();
    while (clock.instant().isBefore(end)) {
      Instant next = clock.instant().plus(step);
      cycle();
      followUps(next);
      afterEach.run();
      clock.advance(Duration.between(clock.instant(), next));
    }
  }

  /**
   * The extra polls control asks for before {@code before} (a Passive command's check about 10 s
   * after it was sent), each at its time, as the observer schedules them.
   */
  void followUps(Instant before) throws BatteryUnreachable {
    for (int round = 0; round < 10; round++) {
      boolean any = false;
      for (BatteryPort port : fleet.all()) {
        Optional<Instant> at = cycle.followUpAt(port.id());
        if (at.isEmpty() || !at.get().isBefore(before)) {
          continue;
        }
        if (at.get().isAfter(clock.instant())) {
          clock.advance(Duration.between(clock.instant(), at.get()));
        }
        cycle.run(port, true);
        reading.rethrow();
        followUpPolls++;
        any = true;
      }
      if (!any) {
        return;
      }
    }
  }

  SimulatedDevice device(int number) {
    return fleet.device(number);
  }

  SimulatedBattery battery(int number) {
    return fleet.device(number).battery();
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

  <T> List<T> eventsOf(Class<T> type, int battery) {
    return events.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(e -> batteryOf(e).equals(BatteryId.of(battery)))
        .toList();
  }

  private static BatteryId batteryOf(Object event) {
    return switch (event) {
      case CommandSent e -> e.battery();
      case ModeChanged e -> e.battery();
      case BatteryDrifted e -> e.battery();
      case PassiveLeft e -> e.battery();
      case DesiredStateReached e -> e.battery();
      default -> throw new IllegalArgumentException("no battery in " + event);
    };
  }

  @Override
  public void close() {
    fleet.close();
  }
}
