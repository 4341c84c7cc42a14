package fr.marstek.automation.simulator;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Watts;
import java.time.InstantSource;
import java.util.Optional;

/** The simulated physics behind the battery port without UDP, for planning and control tests. */
public final class SimulatedBatteryPort implements BatteryPort {

  private final BatteryId id;
  private final SimulatorOptions options;
  private final SimulatedBattery battery;
  private volatile boolean offline;

  public SimulatedBatteryPort(BatteryId id, SimulatorOptions options, SimulatedBattery battery) {
    this.id = id;
    this.options = options;
    this.battery = battery;
  }

  public static SimulatedBatteryPort create(
      BatteryId id, SimulatorOptions options, InstantSource clock) {
    return new SimulatedBatteryPort(id, options, new SimulatedBattery(options, clock));
  }

  public SimulatedBattery battery() {
    return battery;
  }

  /** While offline every call throws {@link BatteryUnreachable}, as a silent device would. */
  public void offline(boolean value) {
    offline = value;
  }

  @Override
  public BatteryId id() {
    return id;
  }

  @Override
  public String address() {
    return "in-process:" + options.bleMac();
  }

  @Override
  public DeviceIdentity identify() throws BatteryUnreachable {
    requireOnline();
    return new DeviceIdentity(
        options.model(),
        options.firmware(),
        options.bleMac(),
        Optional.of(options.wifiMac()),
        Optional.empty());
  }

  @Override
  public BatteryStatus readStatus() throws BatteryUnreachable {
    requireOnline();
    return battery.status(id);
  }

  /** Refuses a power beyond the inverter's rating, as the Open API client does before sending. */
  @Override
  public void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected {
    requireOnline();
    Watts power =
        switch (command) {
          case ModeCommand.Manual m -> m.slot().power();
          case ModeCommand.Passive p -> p.power();
          case ModeCommand.Auto _, ModeCommand.Ai _ -> Watts.ZERO;
        };
    // The 800 W socket limit caps what flows; only the inverter's rating refuses a command.
    double rating = Math.max(options.chargeLimit().value(), options.dischargeLimit().value());
    double limit = power.value() < 0 ? options.chargeLimit().value() : rating;
    if (Math.abs(power.value()) > limit) {
      throw new CommandRejected(
          "simulated battery " + id + " refuses " + power + ": beyond its " + Watts.of(limit));
    }
    battery.apply(command);
  }

  private void requireOnline() throws BatteryUnreachable {
    if (offline) {
      throw new BatteryUnreachable("simulated battery " + id + " is offline");
    }
  }
}
