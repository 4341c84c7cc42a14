package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.protocol.BatStatus;
import fr.marstek.automation.device.marstek.protocol.DeviceProfile;
import fr.marstek.automation.device.marstek.protocol.MeterReading;
import fr.marstek.automation.device.marstek.protocol.Method;
import fr.marstek.automation.device.marstek.protocol.Request;
import fr.marstek.automation.units.Celsius;
import fr.marstek.automation.units.WattHours;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional parts of a status: the meter (skipped on firmware without {@code EM.GetStatus}) read
 * only as often as something needs it, and the pack temperature, read no more often than configured
 * and never on reset-prone firmware, where owners found resets following {@code Bat.GetStatus}.
 */
final class SlowReads {

  private static final Logger log = LoggerFactory.getLogger(SlowReads.class);
  private static final Duration RETRY_MISSING_METER = Duration.ofHours(1);

  /** The hourly house-load history needs no more than this. */
  static final Duration METER_EVERY = Duration.ofMinutes(5);

  /** A reading older than this is not shown: it would pass for the present. */
  static final Duration METER_KEPT = Duration.ofMinutes(10);

  private final BatteryLink link;
  private final Duration every;
  private volatile Instant meterMissingUntil = Instant.MIN;
  private volatile Instant meterReadAt = Instant.MIN;
  private volatile Instant meterGoodAt = Instant.MIN;
  private volatile Optional<Watts> meter = Optional.empty();
  private volatile Instant batteryReadAt = Instant.MIN;
  private volatile Optional<BatStatus> battery = Optional.empty();

  SlowReads(BatteryLink link, Duration every) {
    this.link = link;
    this.every = every;
  }

  Instant nextSlowRead(Instant last) {
    return last.equals(Instant.MIN) ? Instant.MIN : last.plus(every);
  }

  /**
   * Meter power while a CT is connected; positive = import from the grid. Read when needed now or
   * due, else the last reading while it is recent enough.
   */
  Optional<Watts> meterPower(DeviceProfile profile, boolean needed, Instant now) {
    if (now.isBefore(meterReadAt) || now.isBefore(meterGoodAt)) {
      meterReadAt = Instant.MIN; // the clock was set back
      meterGoodAt = Instant.MIN;
    }
    Duration every = needed ? Duration.ZERO : METER_EVERY;
    if (now.isBefore(meterMissingUntil)
        || (!meterReadAt.equals(Instant.MIN) && now.isBefore(meterReadAt.plus(every)))) {
      return recentMeter(now);
    }
    meterReadAt = now;
    try {
      MeterReading reading =
          link.exchange(
              Request.read(Method.EM_STATUS), r -> MeterReading.from(r.requireResult(), profile));
      meter = reading.connected() ? Optional.of(reading.totalPower()) : Optional.empty();
      meterGoodAt = now;
      return meter;
    } catch (DeviceRefused e) {
      if (e.error().isMethodNotFound()) {
        meterMissingUntil = now.plus(RETRY_MISSING_METER);
      }
      log.debug("battery {}: no meter reading: {}", link.endpoint().id(), e.getMessage());
    } catch (BatteryUnreachable e) {
      log.debug(
          "battery {}: no meter reading this cycle: {}", link.endpoint().id(), e.getMessage());
    }
    return recentMeter(now);
  }

  private Optional<Watts> recentMeter(Instant now) {
    boolean recent = !meterGoodAt.equals(Instant.MIN) && !now.isAfter(meterGoodAt.plus(METER_KEPT));
    return recent ? meter : Optional.empty();
  }

  /**
   * The cached pack temperature, refreshed when older than the configured interval; none on
   * reset-prone firmware.
   */
  Optional<Celsius> temperature(DeviceProfile profile, Instant now) {
    if (profile.resetProne()) {
      return Optional.empty();
    }
    if (now.isBefore(batteryReadAt)) {
      batteryReadAt = Instant.MIN; // the clock was set back
    }
    if (now.isBefore(nextSlowRead(batteryReadAt))) {
      return battery.flatMap(BatStatus::temperature);
    }
    batteryReadAt = now;
    try {
      BatStatus read =
          link.exchange(
              Request.read(Method.BAT_STATUS), r -> BatStatus.from(r.requireResult(), profile));
      battery = read.hasData() ? Optional.of(read) : Optional.empty();
    } catch (BatteryUnreachable | DeviceRefused e) {
      log.debug(
          "battery {}: temperature kept from before: {}", link.endpoint().id(), e.getMessage());
    }
    return battery.flatMap(BatStatus::temperature);
  }

  Optional<WattHours> ratedCapacity() {
    return battery.flatMap(BatStatus::rated);
  }
}
