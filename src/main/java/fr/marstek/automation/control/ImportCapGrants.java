package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The import cap's memory between cycles: each battery's last report, what it was allowed, and
 * whether the house alone is over the cap (told once per time over).
 */
final class ImportCapGrants {

  private record Grant(double watts, Instant since, ChargeAllowance allowance) {}

  private record Report(BatteryStatus status, Instant at) {}

  /**
   * While batteries may charge under the cap and it is neither close nor moving, the meter is read
   * this often: a load that starts between two readings is what the cap's margin (10 % of the
   * subscribed power) is for, and a reading every poll cost 60 requests a battery-hour.
   */
  static final Duration METER_EVERY_UNDER_CAP = Duration.ofMinutes(3);

  /** From this share of the cap on, every poll reads the meter. */
  static final double NEAR_CAP = 0.8;

  private final Map<BatteryId, Report> lastReports = new ConcurrentHashMap<>();
  private final Map<BatteryId, Instant> meterAskedAt = new ConcurrentHashMap<>();
  private volatile Instant grantsChangedAt = Instant.MIN;
  private volatile double lastMeterW = Double.NaN;
  private final Map<BatteryId, Grant> grants = new ConcurrentHashMap<>();
  private final Duration poll;
  private volatile ImportCapSettings settings;
  private boolean houseOver;

  ImportCapGrants(ImportCapSettings settings, Duration poll) {
    this.settings = settings;
    this.poll = poll;
  }

  static ImportCapGrants none() {
    return new ImportCapGrants(ImportCapSettings.none(), Duration.ofSeconds(30));
  }

  void use(ImportCapSettings next) {
    settings = next;
  }

  ImportCapSettings settings() {
    return settings;
  }

  /**
   * What {@code status}'s battery may draw now; publishes {@link ImportCapExceeded} when the house
   * alone goes over the cap.
   *
   * @param charging whether control wants a battery to charge from the grid
   */
  synchronized ChargeAllowance allowanceFor(
      BatteryStatus status,
      Predicate<BatteryId> charging,
      Instant now,
      Consumer<ImportCapExceeded> events) {
    lastReports.put(status.id(), new Report(status, now));
    ImportCapSettings cap = settings;
    if (!cap.isSet()) {
      return ChargeAllowance.UNLIMITED;
    }
    List<ImportCap.Member> others = new ArrayList<>();
    lastReports.forEach(
        (id, last) -> {
          if (!id.equals(status.id())) {
            others.add(member(id, last, charging.test(id), now));
          }
        });
    ImportCap.Decision decision =
        ImportCap.decide(
            cap.limitW(),
            member(status.id(), new Report(status, now), charging.test(status.id()), now),
            others,
            poll,
            now);
    if (decision.houseOver() && !houseOver) {
      events.accept(
          new ImportCapExceeded(
              decision.meter().orElseThrow(),
              fr.marstek.automation.units.Watts.of(cap.limitW()),
              now));
    }
    if (decision.meter().isPresent()) {
      houseOver = decision.houseOver();
      lastMeterW = decision.meter().get().value();
    }
    return decision.allowance();
  }

  /**
   * Whether this battery's poll, while batteries may charge under the cap, must read the meter:
   * every poll while a grant changed within the last two polls (a battery starting or held back
   * shows in the meter) or the last reading was within {@value #NEAR_CAP} of the cap, else every
   * {@link #METER_EVERY_UNDER_CAP}.
   */
  boolean meterDue(BatteryId id, Instant now) {
    Instant asked = meterAskedAt.get(id);
    boolean near = lastMeterW >= NEAR_CAP * settings.limitW();
    boolean settling = now.isBefore(grantsChangedAt.plus(poll.multipliedBy(2)));
    boolean due =
        asked == null
            || now.isBefore(asked) // the clock was set back
            || !now.isBefore(asked.plus(METER_EVERY_UNDER_CAP))
            || near
            || settling;
    if (due) {
      meterAskedAt.put(id, now);
    }
    return due;
  }

  /** The allowance last given to a battery, so that new settings do not lift it for a cycle. */
  ChargeAllowance current(BatteryId id) {
    Grant grant = grants.get(id);
    return grant == null || !settings.isSet() ? ChargeAllowance.UNLIMITED : grant.allowance();
  }

  /** After the cycle: what the battery was really allowed to charge at (0 when not charging). */
  synchronized void granted(
      BatteryId id, ChargeAllowance allowance, double chargingW, Instant now) {
    Grant before = grants.get(id);
    if (before == null || before.watts() != chargingW) {
      grantsChangedAt = now;
    }
    boolean started = chargingW > 0 && (before == null || before.watts() <= 0);
    Instant since = started || before == null ? now : before.since();
    grants.put(id, new Grant(chargingW, since, allowance));
  }

  private ImportCap.Member member(BatteryId id, Report last, boolean charging, Instant now) {
    Grant grant = grants.get(id);
    return new ImportCap.Member(
        id,
        last.status(),
        last.at(),
        charging,
        grant == null ? 0 : grant.watts(),
        grant == null ? now : grant.since());
  }
}
