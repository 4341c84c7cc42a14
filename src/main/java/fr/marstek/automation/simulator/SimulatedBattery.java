package fr.marstek.automation.simulator;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The physics of one Venus E, thread-safe. State is integrated lazily up to {@code clock.instant()}
 * on every read or command, in steps of at most 60 s split at Manual slot edges, full hours and the
 * Passive deadline, so a test clock can jump a whole night at once. Powers follow the device
 * convention: positive discharges to the house, negative charges from AC.
 */
public final class SimulatedBattery {

  private final InstantSource clock;
  private final HouseholdLoad load;
  private final BatteryPack pack;
  private final ModeState modes;
  private Instant integratedUntil;
  private double meterImportWh;
  private double meterExportWh;

  public SimulatedBattery(SimulatorOptions options, InstantSource clock) {
    this.clock = clock;
    this.load = options.load();
    this.modes = new ModeState(options.chargeLimit(), options.dischargeLimit());
    this.pack =
        new BatteryPack(
            options.capacity().value(),
            options.efficiency(),
            options.initialSoc().value(),
            options.floor().value());
    this.integratedUntil = clock.instant();
  }

  public synchronized Percent soc() {
    return Percent.clamped(reading().socPercent());
  }

  public synchronized DeviceMode mode() {
    advance();
    return modes.mode();
  }

  /** AC power now: positive = discharging to the house, negative = charging. */
  public synchronized Watts acPower() {
    return Watts.of(reading().acPowerW());
  }

  public synchronized Watts householdLoad() {
    return Watts.of(load.at(clock.instant()).value());
  }

  /** Power at the household meter: positive = import from the grid. */
  public synchronized Watts meterPower() {
    return Watts.of(reading().meterPowerW());
  }

  public synchronized Celsius temperature() {
    return new Celsius(reading().temperatureC());
  }

  /** Lifetime AC energy taken from the grid to charge ({@code total_grid_input_energy}). */
  public synchronized WattHours chargedTotal() {
    return WattHours.of(reading().chargedWh());
  }

  /** Lifetime AC energy delivered ({@code total_grid_output_energy}). */
  public synchronized WattHours dischargedTotal() {
    return WattHours.of(reading().dischargedWh());
  }

  /** Energy the household meter counted as imported since start. */
  public synchronized WattHours meterImported() {
    return WattHours.of(reading().meterImportWh());
  }

  /** Energy the household meter counted as exported since start. */
  public synchronized WattHours meterExported() {
    return WattHours.of(reading().meterExportWh());
  }

  public synchronized List<ManualSlot> manualSlots() {
    return modes.slots();
  }

  synchronized void lastMinuteIdle(boolean on) {
    advance();
    modes.lastMinuteIdle(on);
  }

  public synchronized void setSoc(Percent soc) {
    advance();
    pack.setSoc(soc.value());
  }

  /** Switches mode directly; Passive needs a setpoint, so use {@link #apply} for it. */
  public synchronized void setMode(DeviceMode next) {
    if (next == DeviceMode.PASSIVE || next == DeviceMode.UNKNOWN) {
      throw new IllegalArgumentException("cannot switch to " + next + " without a command");
    }
    advance();
    modes.switchTo(next);
  }

  public synchronized void apply(ModeCommand command) {
    advance();
    switch (command) {
      case ModeCommand.Auto _ -> setMode(DeviceMode.AUTO);
      case ModeCommand.Ai _ -> setMode(DeviceMode.AI);
      case ModeCommand.Manual manual -> modes.writeSlot(manual.slot());
      case ModeCommand.Passive p ->
          modes.startPassive(p.power(), integratedUntil.plus(p.countdown()));
    }
  }

  /** Sets the depth of discharge ({@code DOD.SET}), 30-88 %. */
  public synchronized void setDod(int dod) {
    advance();
    pack.setFloor(100 - dod);
  }

  /** Sets the discharge (socket) limit ({@code Set.Ver}). */
  public synchronized void setDischargeLimit(Watts limit) {
    advance();
    modes.setDischargeLimit(limit);
  }

  /** Back to Auto with no Manual slots, as a factory reset leaves it. */
  public synchronized void factoryReset(boolean clearTotals) {
    setMode(DeviceMode.AUTO);
    modes.clearSlots();
    if (clearTotals) {
      pack.clearTotals();
    }
  }

  /** One consistent look for a Modbus read request. */
  synchronized ModbusRegisterImage.Snapshot modbusSnapshot() {
    Reading r = reading();
    return new ModbusRegisterImage.Snapshot(r, modes.external());
  }

  /** The Modbus force command as the device holds it now. */
  public synchronized ForceCommand externalControl() {
    advance();
    return modes.external();
  }

  /** 42000 = 0x55AA: the force registers are obeyed from now on, whatever the work mode. */
  synchronized void enableExternalControl() {
    advance();
    ForceCommand now = modes.external();
    modes.external(new ForceCommand(true, now.forceMode(), now.chargeW(), now.dischargeW()));
  }

  /** 42000 = 0x55BB: back to the saved work mode. */
  synchronized void releaseExternalControl() {
    advance();
    modes.external(modes.external().off());
  }

  /** A write to 42010, 42020 or 42021: stored even while control is off (and then not obeyed). */
  synchronized void writeForce(int forceMode, int chargeW, int dischargeW) {
    advance();
    modes.external(new ForceCommand(modes.external().on(), forceMode, chargeW, dischargeW));
  }

  /**
   * Restarts the battery: external control and the RAM force registers are lost (spec 7.4); the
   * saved work mode, its Manual slots and the energy totals are kept. Returns whether external
   * control was on.
   */
  public synchronized boolean reboot() {
    advance();
    boolean wasOn = modes.external().on();
    modes.external(ForceCommand.OFF);
    if (modes.mode() == DeviceMode.PASSIVE) {
      modes.switchTo(DeviceMode.AUTO);
    }
    return wasOn;
  }

  /** Leaves Manual or Passive by itself, as some firmware does; other modes are kept. */
  synchronized void drift(DeviceMode target) {
    advance();
    if (modes.mode() == DeviceMode.MANUAL || modes.mode() == DeviceMode.PASSIVE) {
      modes.switchTo(target);
    }
  }

  public synchronized BatteryStatus status(BatteryId id) {
    Reading r = reading();
    return new BatteryStatus(
        id,
        r.at(),
        Percent.of(r.wholeSoc()),
        Watts.of((double) Math.round(r.acPowerW())),
        r.mode(),
        WattHours.of(r.capacityWh()),
        Optional.of(Watts.of((double) Math.round(r.meterPowerW()))),
        Optional.of(new Celsius(r.temperatureC())),
        WattHours.of(Math.floor(r.chargedWh())),
        WattHours.of(Math.floor(r.dischargedWh())));
  }

  synchronized Reading reading() {
    advance();
    Instant now = integratedUntil;
    Reading reading = readingAt(now);
    if (load instanceof HouseholdLoad.Shared shared) {
      shared.house().report(shared.member(), reading.acPowerW());
    }
    return reading;
  }

  private Reading readingAt(Instant now) {
    return new Reading(
        now,
        modes.mode(),
        pack.socPercent(),
        pack.feasible(modes.setpointAt(now, load.at(now).value())),
        load.at(now).value(),
        pack.storedWh(),
        pack.capacityWh(),
        pack.floorPercent(),
        pack.temperatureC(),
        pack.chargedWh(),
        pack.dischargedWh(),
        meterImportWh,
        meterExportWh);
  }

  private void advance() {
    Instant now = clock.instant();
    while (integratedUntil.isBefore(now)) {
      Instant end = modes.stepEnd(integratedUntil, now);
      double seconds = Duration.between(integratedUntil, end).toNanos() / 1e9;
      double loadW = load.at(integratedUntil).value();
      double acWh = pack.run(modes.setpointAt(integratedUntil, loadW), seconds);
      double meterWh = loadW * seconds / 3600 - acWh;
      meterImportWh += Math.max(0, meterWh);
      meterExportWh += Math.max(0, -meterWh);
      integratedUntil = end;
      modes.reached(end);
    }
  }
}
