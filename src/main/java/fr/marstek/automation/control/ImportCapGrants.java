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

  private final Map<BatteryId, Report> lastReports = new ConcurrentHashMap<>();
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
    }
    return decision.allowance();
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
