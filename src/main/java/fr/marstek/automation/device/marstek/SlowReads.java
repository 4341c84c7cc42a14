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
 * The optional parts of a status: the meter (skipped on firmware without {@code EM.GetStatus}) and
 * the pack temperature, read no more often than configured because {@code Bat.GetStatus} was
 * suspected of upsetting some firmware.
 */
final class SlowReads {

  private static final Logger log = LoggerFactory.getLogger(SlowReads.class);
  private static final Duration RETRY_MISSING_METER = Duration.ofHours(1);

  private final BatteryLink link;
  private final TransportClock clock;
  private final Duration every;
  private volatile Instant meterMissingUntil = Instant.MIN;
  private volatile Instant batteryReadAt = Instant.MIN;
  private volatile Optional<BatStatus> battery = Optional.empty();

  SlowReads(BatteryLink link, TransportClock clock, Duration every) {
    this.link = link;
    this.clock = clock;
    this.every = every;
  }

  Instant nextSlowRead(Instant last) {
    return last.equals(Instant.MIN) ? Instant.MIN : last.plus(every);
  }

  /** Meter power while a CT is connected; positive = import from the grid. */
  Optional<Watts> meterPower(DeviceProfile profile) {
    if (clock.now().isBefore(meterMissingUntil)) {
      return Optional.empty();
    }
    try {
      MeterReading meter =
          link.exchange(
              Request.read(Method.EM_STATUS), r -> MeterReading.from(r.requireResult(), profile));
      return meter.connected() ? Optional.of(meter.totalPower()) : Optional.empty();
    } catch (DeviceRefused e) {
      if (e.error().isMethodNotFound()) {
        meterMissingUntil = clock.now().plus(RETRY_MISSING_METER);
      }
      log.debug("battery {}: no meter reading: {}", link.endpoint().id(), e.getMessage());
    } catch (BatteryUnreachable e) {
      log.debug(
          "battery {}: no meter reading this cycle: {}", link.endpoint().id(), e.getMessage());
    }
    return Optional.empty();
  }

  /** The cached pack temperature, refreshed when older than the configured interval. */
  Optional<Celsius> temperature(DeviceProfile profile) {
    Instant now = clock.now();
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
