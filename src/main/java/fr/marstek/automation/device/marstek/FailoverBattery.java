package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.CommandRejected;
import fr.marstek.automation.device.DeviceIdentity;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.PortMismatch;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Open API battery that also has a Modbus address ({@code BATTERY_X_MODBUS_HOST}): spoken to
 * over the Open API until that falls silent for {@value #SWITCH_AFTER_FAILED_POLLS} polls in a row
 * (the point where the health guard would call it offline and start backing off), then over Modbus
 * TCP, in that same poll, for as long as the service runs.
 *
 * <p>It does not go back by itself: the two protocols act on one mode byte, and a battery under
 * Modbus external control must be handed back before the Open API may command it; an Open API that
 * fell silent on firmware 144 and later has usually switched itself off, which more requests
 * prolong; and Modbus is what owners moved to for these shutdowns. A restart starts on the Open API
 * again.
 */
final class FailoverBattery implements BatteryPort {

  static final int SWITCH_AFTER_FAILED_POLLS = 3;

  private static final Logger log = LoggerFactory.getLogger(FailoverBattery.class);

  private final BatteryPort openApi;
  private final BatteryPort modbus;
  private int failedPolls;
  private volatile boolean onModbus;

  FailoverBattery(BatteryPort openApi, BatteryPort modbus) {
    this.openApi = openApi;
    this.modbus = modbus;
  }

  @Override
  public BatteryId id() {
    return openApi.id();
  }

  @Override
  public String address() {
    return onModbus ? modbus.address() : openApi.address();
  }

  @Override
  public DeviceIdentity identify() throws BatteryUnreachable {
    return active().identify();
  }

  @Override
  public BatteryStatus readStatus() throws BatteryUnreachable {
    return readStatus(false);
  }

  @Override
  public synchronized BatteryStatus readStatus(boolean meterNeeded) throws BatteryUnreachable {
    if (onModbus) {
      return modbus.readStatus(meterNeeded);
    }
    try {
      BatteryStatus status = openApi.readStatus(meterNeeded);
      failedPolls = 0;
      return status;
    } catch (BatteryUnreachable silent) {
      failedPolls++;
      if (failedPolls < SWITCH_AFTER_FAILED_POLLS) {
        throw silent;
      }
      onModbus = true;
      log.warn(
          "Battery {}: its Open API ({}) did not answer {} polls in a row ({}); switching to Modbus"
              + " TCP ({}) for as long as the service runs (restart the service to try the Open"
              + " API again, or set BATTERY_{}_PROTOCOL=modbus to stay)",
          id(),
          openApi.address(),
          failedPolls,
          silent.getMessage(),
          modbus.address(),
          id().value());
      return modbus.readStatus(meterNeeded);
    }
  }

  @Override
  public void apply(ModeCommand command) throws BatteryUnreachable, CommandRejected {
    active().apply(command);
  }

  @Override
  public OptionalInt requestsLastHour() {
    return openApi.requestsLastHour();
  }

  @Override
  public String protocol() {
    return active().protocol();
  }

  /** The Open API side may have found the battery on the factory port: still worth fixing. */
  @Override
  public Optional<PortMismatch> portMismatch() {
    return openApi.portMismatch();
  }

  private BatteryPort active() {
    return onModbus ? modbus : openApi;
  }
}
