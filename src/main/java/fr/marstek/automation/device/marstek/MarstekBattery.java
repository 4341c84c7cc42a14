package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.PortMismatch;
import fr.marstek.automation.device.marstek.protocol.DeviceInfo;
import fr.marstek.automation.device.marstek.protocol.DeviceProfile;
import fr.marstek.automation.device.marstek.protocol.EsMode;
import fr.marstek.automation.device.marstek.protocol.EsStatus;
import fr.marstek.automation.device.marstek.protocol.InvalidCommand;
import fr.marstek.automation.device.marstek.protocol.Method;
import fr.marstek.automation.device.marstek.protocol.Request;
import fr.marstek.automation.device.marstek.protocol.SetResult;
import fr.marstek.automation.units.WattHours;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Marstek battery over the Open API, on a request budget the field's firmware survives: a status
 * read is one {@code ES.GetStatus}, plus {@code ES.GetMode}, the meter and the pack temperature
 * only when each is due ({@link ModeReads}, {@link SlowReads}); a command is one {@code
 * ES.SetMode}, verified by the power later polls report, never by reading the mode back.
 */
public final class MarstekBattery implements BatteryPort {

  private static final Logger log = LoggerFactory.getLogger(MarstekBattery.class);

  private final TransportClock clock;
  private final MarstekClientSettings settings;
  private final FactoryPortProbe factoryPort;
  private volatile BatteryLink link;
  private volatile SlowReads slowReads;
  private volatile PortMismatch portMismatch;
  private final ModeReads modeReads = new ModeReads();
  private volatile DeviceProfile profile = DeviceProfile.UNKNOWN;
  private volatile Instant profileTriedAt = Instant.MIN;
  private volatile WattHours lastCapacity;

  MarstekBattery(BatteryLink link, TransportClock clock, MarstekClientSettings settings) {
    this(link, clock, settings, null);
  }

  /**
   * @param factoryPort tried once when the battery never answers on its port; null for none
   */
  MarstekBattery(
      BatteryLink link,
      TransportClock clock,
      MarstekClientSettings settings,
      FactoryPortProbe factoryPort) {
    this.link = link;
    this.clock = clock;
    this.settings = settings;
    this.factoryPort = factoryPort;
    this.slowReads = new SlowReads(link, settings.temperatureEvery());
  }

  @Override
  public BatteryId id() {
    return link.endpoint().id();
  }

  @Override
  public String address() {
    return link.endpoint().hostAndPort();
  }

  @Override
  public DeviceIdentity identify() throws BatteryUnreachable {
    DeviceInfo info = read(Request.getDevice(), DeviceInfo::from);
    profile = DeviceProfile.of(info);
    String mac =
        info.bleMac()
            .orElseThrow(() -> new BatteryUnreachable("Marstek.GetDevice reply names no BLE MAC"));
    return new DeviceIdentity(info.model(), info.firmware().wire(), mac, info.wifiMac(), info.ip());
  }

  @Override
  public BatteryStatus readStatus() throws BatteryUnreachable {
    return readStatus(false);
  }

  @Override
  public BatteryStatus readStatus(boolean meterNeeded) throws BatteryUnreachable {
    try {
      return readStatusOnce(meterNeeded);
    } catch (BatteryUnreachable e) {
      if (!movedToFactoryPort()) {
        throw e;
      }
      return readStatusOnce(meterNeeded);
    }
  }

  @Override
  public Optional<PortMismatch> portMismatch() {
    return Optional.ofNullable(portMismatch);
  }

  /**
   * When the battery never answered on its configured port but does on the factory one, talks to it
   * there for the rest of the run (the household wants its battery driven) and says which line of
   * {@code .env} to set.
   */
  private boolean movedToFactoryPort() {
    if (factoryPort == null) {
      return false;
    }
    BatteryLink configured = link;
    var answer = factoryPort.tryOnce(configured);
    if (answer.isEmpty()) {
      return false;
    }
    BatteryLink found = answer.get().link();
    var mismatch =
        new PortMismatch(
            id(), configured.endpoint().address().getPort(), found.endpoint().address().getPort());
    link = found;
    slowReads = new SlowReads(found, settings.temperatureEvery());
    answer
        .get()
        .device()
        .ifPresent(
            info -> {
              profile = DeviceProfile.of(info);
              profileTriedAt = found.budgetNow();
            });
    portMismatch = mismatch;
    log.warn("{} ({})", capitalized(mismatch.describe()), found.endpoint().hostAndPort());
    return true;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private BatteryStatus readStatusOnce(boolean meterNeeded) throws BatteryUnreachable {
    DeviceProfile known = knownProfile();
    EsStatus es =
        read(Request.read(Method.ES_STATUS), r -> EsStatus.from(r.requireResult(), known));
    Instant observedAt = clock.now();
    Instant now = link.budgetNow();
    DeviceMode mode = mode(known, now);
    var meter = slowReads.meterPower(known, meterNeeded, now);
    var temperature = slowReads.temperature(known, now);
    return new BatteryStatus(
        id(),
        observedAt,
        es.soc(),
        es.ongridPower(),
        mode,
        capacity(es, known),
        meter,
        temperature,
        es.gridInputTotal(),
        es.gridOutputTotal());
  }

  @Override
  public void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected {
    Request request;
    try {
      request = Request.setMode(command, profile.family());
    } catch (InvalidCommand e) {
      throw new CommandRejected(e.getMessage() + "; not sent to battery " + id());
    }
    SetResult result;
    modeReads.sending(link.budgetNow());
    try {
      result = link.exchange(request, r -> SetResult.from(r.requireResult()));
    } catch (DeviceRefused e) {
      throw new CommandRejected(
          "battery "
              + id()
              + " refused ES.SetMode "
              + command.expectedMode().wireName()
              + ": "
              + e.error());
    }
    if (!result.accepted()) {
      throw new CommandRejected(
          "battery "
              + id()
              + " rejected ES.SetMode "
              + command.expectedMode().wireName()
              + " (set_result false)");
    }
    modeReads.commanded(command.expectedMode(), link.budgetNow());
  }

  @Override
  public OptionalInt requestsLastHour() {
    return OptionalInt.of(link.requestsLastHour());
  }

  /** The mode read when a read is due, else the one last read or commanded. */
  private DeviceMode mode(DeviceProfile known, Instant now) {
    if (!modeReads.due(now)) {
      return modeReads.known();
    }
    DeviceMode read = DeviceMode.UNKNOWN;
    try {
      read =
          link.exchange(Request.read(Method.ES_MODE), r -> EsMode.from(r.requireResult(), known))
              .mode();
    } catch (BatteryUnreachable | DeviceRefused e) {
      log.debug("battery {}: mode not read this time: {}", id(), e.getMessage());
    }
    modeReads.read(read, now);
    return modeReads.known();
  }

  /** Identifies the battery once so its values can be scaled; retried at the slow-read pace. */
  private DeviceProfile knownProfile() {
    Instant now = link.budgetNow();
    if (now.isBefore(profileTriedAt)) {
      profileTriedAt = Instant.MIN; // the clock was set back
    }
    if (profile.equals(DeviceProfile.UNKNOWN)
        && !now.isBefore(slowReads.nextSlowRead(profileTriedAt))) {
      profileTriedAt = now;
      try {
        identify();
      } catch (BatteryUnreachable e) {
        log.debug("battery {}: not identified yet: {}", id(), e.getMessage());
      }
    }
    return profile;
  }

  private WattHours capacity(EsStatus es, DeviceProfile known) {
    WattHours capacity =
        es.ratedCapacity()
            .or(slowReads::ratedCapacity)
            .orElse(lastCapacity != null ? lastCapacity : known.family().nominalCapacity());
    lastCapacity = capacity;
    return capacity;
  }

  private <T> T read(Request request, ReplyDecoder<T> decoder) throws BatteryUnreachable {
    try {
      return link.exchange(request, decoder);
    } catch (DeviceRefused e) {
      throw new BatteryUnreachable(request.method() + " answered " + e.error());
    }
  }
}
