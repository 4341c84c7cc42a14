package fr.marstek.automation.device.modbus;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModbusEndpoint;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.modbus.RegisterMap.Field;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Marstek battery over Modbus TCP, behind the same port as the Open API client. Self-consumption
 * and AI are the battery's own work modes (43000); Manual slots and Passive setpoints, which Modbus
 * lacks, are run by this client on the force registers under external control (see {@link
 * ControlProgram}) and reported as Manual or Passive while control is held. The grid meter cannot
 * be read over Modbus.
 */
public final class ModbusBattery implements BatteryPort {

  private static final Logger log = LoggerFactory.getLogger(ModbusBattery.class);
  private final ModbusLink link;
  private final RegisterMap map;
  private final LinkClock clock;
  private final ExternalControl control;
  private final StatusReads status;
  private final ControlProgram program = new ControlProgram(PARIS);
  private final ReentrantLock lock = new ReentrantLock();
  private final Duration workModeEvery;
  private boolean aiAsked;
  private DeviceMode workMode = DeviceMode.UNKNOWN;
  private Instant workModeReadAt = Instant.MIN;
  private volatile Instant lastCall = Instant.MIN;

  ModbusBattery(ModbusLink link, RegisterMap map, LinkClock clock, ModbusClientSettings settings) {
    this.link = link;
    this.map = map;
    this.clock = clock;
    this.control = new ExternalControl(link, map);
    this.status = new StatusReads(new RegisterReads(link, map), map, settings.slowReadsEvery());
    this.workModeEvery = settings.slowReadsEvery();
  }

  @Override
  public BatteryId id() {
    return link.endpoint().id();
  }

  @Override
  public String address() {
    ModbusEndpoint e = link.endpoint();
    return "modbus://" + e.hostAndPort() + "/" + e.unit();
  }

  ModbusEndpoint endpoint() {
    return link.endpoint();
  }

  /** Requests sent to this battery so far. */
  @Override
  public String protocol() {
    return "modbus";
  }

  public long requestsSent() {
    return link.requestsSent();
  }

  @Override
  public DeviceIdentity identify() throws BatteryUnreachable {
    lock.lock();
    try {
      var reads = new RegisterReads(link, map);
      String model = reads.text(Field.MODEL);
      int firmware = (int) reads.value(Field.FIRMWARE);
      String mac = reads.text(Field.MAC).toLowerCase(Locale.ROOT).replace(":", "");
      if (!mac.matches("[0-9a-f]{12}")) {
        throw new BatteryUnreachable("battery " + id() + " reports no usable MAC: '" + mac + "'");
      }
      String ip = link.endpoint().address().getAddress().getHostAddress();
      return new DeviceIdentity(model, firmware, mac, Optional.empty(), Optional.of(ip));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public BatteryStatus readStatus() throws BatteryUnreachable {
    lock.lock();
    try {
      lastCall = clock.now();
      boolean held = control.refresh();
      if (held) {
        workModeReadAt = Instant.MIN; // read it at once when control ends
        runProgram();
        held = control.held();
      }
      DeviceMode mode = held ? program.mode() : workMode(clock.now());
      return status.read(id(), clock.now(), mode);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected {
    lock.lock();
    try {
      lastCall = clock.now();
      Instant now = clock.now();
      switch (command) {
        case ModeCommand.Auto _ -> handBack(RegisterMap.WORK_SELF_CONSUMPTION);
        case ModeCommand.Ai _ -> {
          handBack(RegisterMap.WORK_AI);
          aiAsked = true;
        }
        case ModeCommand.Manual m -> {
          requireRating(m.slot().power());
          program.manual(m.slot());
          hold(now);
        }
        case ModeCommand.Passive p -> {
          requireRating(p.power());
          program.passive(p.power(), now.plus(p.countdown()));
          hold(now);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * While the control cycle is silent (hung, stopped, disabled), runs a held battery's program as
   * its firmware would run slots: the night charge still ends at the slot's end and a fixed power
   * at its countdown. Never takes control back once the battery dropped it.
   */
  void keep(Duration quiet) {
    if (!lock.tryLock()) {
      return; // a control call is running: it runs the program itself
    }
    try {
      if (!control.held() || lastCall.plus(quiet).isAfter(clock.now())) {
        return;
      }
      if (control.refresh()) {
        runProgram();
      }
    } catch (BatteryUnreachable e) {
      log.debug("battery {}: keeper could not run its program: {}", id(), e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** On a clean stop: hands a held battery back to its own self-consumption, then disconnects. */
  void release() {
    lock.lock();
    try {
      if (control.held()) {
        handBack(RegisterMap.WORK_SELF_CONSUMPTION);
        log.info("battery {}: handed back to its own self-consumption on shutdown", id());
      }
    } catch (BatteryUnreachable | CommandRejected e) {
      log.warn(
          "battery {}: could not hand it back to self-consumption on shutdown ({}); it keeps its"
              + " last command until the service is back (docs/FAILSAFE.md)",
          id(),
          e.getMessage());
    } finally {
      link.close();
      lock.unlock();
    }
  }

  void abandon() {
    link.close();
  }

  private void runProgram() throws BatteryUnreachable {
    Instant now = clock.now();
    try {
      if (program.passiveEnded(now)) {
        handBack(RegisterMap.WORK_SELF_CONSUMPTION); // the Open API's Passive ends the same way
      } else if (program.kind() != ControlProgram.Kind.NONE) {
        control.hold(Setpoint.of(program.powerAt(now)));
      }
    } catch (CommandRejected e) {
      log.info("battery {}: {}", id(), e.getMessage()); // the report shows it; control corrects
    }
  }

  private void hold(Instant now) throws BatteryUnreachable, CommandRejected {
    aiAsked = false;
    control.take();
    control.hold(Setpoint.of(program.powerAt(now)));
  }

  private void handBack(int mode) throws BatteryUnreachable, CommandRejected {
    aiAsked = false;
    program.none();
    workModeReadAt = Instant.MIN;
    control.handBack(mode);
  }

  /**
   * The battery's own work mode while it runs itself. Only the app or the cloud change it then, so
   * it is read at the slow pace (and at once after control was handed back): a change the household
   * made shows within that time.
   */
  private DeviceMode workMode(Instant now) throws BatteryUnreachable {
    if (workMode == DeviceMode.UNKNOWN
        || workModeReadAt.equals(Instant.MIN)
        || !now.isBefore(workModeReadAt.plus(workModeEvery))) {
      workMode = decodeWorkMode(new RegisterReads(link, map).word(Field.WORK_MODE));
      workModeReadAt = now;
    }
    return workMode == DeviceMode.AUTO && aiAsked ? DeviceMode.AI : workMode;
  }

  private static DeviceMode decodeWorkMode(int mode) {
    return switch (mode) {
      case RegisterMap.WORK_MANUAL -> DeviceMode.MANUAL;
      // 43000 reads 1 after 2 was written: AI is known only from having asked for it.
      case RegisterMap.WORK_SELF_CONSUMPTION -> DeviceMode.AUTO;
      case RegisterMap.WORK_AI -> DeviceMode.AI;
      default -> DeviceMode.UNKNOWN;
    };
  }

  private void requireRating(Watts power) throws CommandRejected {
    if (Math.abs(power.value()) > RegisterMap.LARGEST_SETPOINT_W) {
      throw new CommandRejected(
          "battery "
              + id()
              + " cannot be asked for "
              + power
              + ": Modbus setpoints stop at "
              + RegisterMap.LARGEST_SETPOINT_W
              + " W; not sent");
    }
  }
}
