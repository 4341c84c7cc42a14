package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.device.BatteryStatus;
import fr.marstek.automation.planning.Action;
import fr.marstek.automation.planning.BatteryPlan;
import fr.marstek.automation.planning.Plan;
import fr.marstek.automation.planning.PlanSlot;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * From {@code NOTIFY_CHARGE_CHECK_FROM} until 06:00, projects each battery's state of charge at the
 * end of tonight's planned grid charge: its current state of charge plus what its current charge
 * power (for the slot under way) and the planned power (for the slots to come) can still add,
 * losses ignored so that only a clear shortfall is told. A battery that should be charging and is
 * not projects no gain from the running slot.
 */
final class NightChargeWatch implements Watch {

  /** Points of state of charge below the target that still count as on time. */
  static final double TOLERANCE = 2;

  /** Control needs a cycle or two to start a charge: a slot this young is not judged yet. */
  static final Duration START_GRACE = Duration.ofMinutes(10);

  private final Notifications notifications;
  private final WatchSettings settings;
  private final FleetLook fleet;
  private final Map<String, LocalDate> told = new HashMap<>();

  NightChargeWatch(Notifications notifications, WatchSettings settings, FleetLook fleet) {
    this.notifications = notifications;
    this.settings = settings;
    this.fleet = fleet;
  }

  @Override
  public synchronized void check(Instant now) {
    LocalTime local = ZonedDateTime.ofInstant(now, PARIS).toLocalTime();
    if (local.isBefore(settings.chargeCheckFrom()) || local.getHour() >= TempoDays.DAY_START_HOUR) {
      return;
    }
    LocalDate night = TempoDays.tempoDayOf(now);
    Instant nightEnd = TempoDays.end(night);
    Optional<Plan> plan = fleet.plan();
    if (plan.isEmpty()) {
      return;
    }
    for (BatteryPlan battery : plan.get().batteries()) {
      Optional<NightCharge> charge = NightCharge.of(battery, now, nightEnd);
      Optional<BatteryStatus> status = fleet.online(battery.battery());
      if (charge.isEmpty() || status.isEmpty() || night.equals(told.get(battery.battery()))) {
        continue;
      }
      NightCharge c = charge.get();
      BatteryStatus s = status.get();
      double soc = s.soc().value();
      double projected = soc + gainWh(c, s, now) / FleetLook.capacityWh(status) * 100;
      if (projected < c.targetSoc() - TOLERANCE) {
        told.put(battery.battery(), night);
        String subject = "charge-" + battery.battery();
        notifications.clear(subject);
        notifications.send(shortfall(subject, battery.battery(), s, c, projected, now));
      }
    }
  }

  /** What the rest of the night can add, in Wh, at the powers described above. */
  private static double gainWh(NightCharge charge, BatteryStatus status, Instant now) {
    double wh = 0;
    for (PlanSlot slot : charge.slots()) {
      Instant from = slot.start().isAfter(now) ? slot.start() : now;
      double hours = Duration.between(from, slot.end()).toSeconds() / 3600.0;
      double planned = ((Action.ChargeFromGrid) slot.action()).power().value();
      double watts;
      if (slot.start().isAfter(now)) {
        watts = planned;
      } else if (status.isCharging()) {
        watts = -status.acPower().value();
      } else {
        boolean young = now.isBefore(slot.start().plus(START_GRACE));
        watts = young ? planned : 0;
      }
      wh += watts * Math.max(0, hours);
    }
    return wh;
  }

  private static Notice shortfall(
      String subject,
      String battery,
      BatteryStatus status,
      NightCharge charge,
      double projected,
      Instant now) {
    long watts = Math.round(Math.max(0, -status.acPower().value()));
    return shortfall(
        subject,
        battery,
        now,
        status.soc().value(),
        watts,
        charge.targetSoc(),
        charge.doneBy(),
        projected);
  }

  static Notice shortfall(
      String subject,
      String battery,
      Instant now,
      double soc,
      long chargingWatts,
      double target,
      Instant doneBy,
      double projected) {
    Phrase pace =
        chargingWatts > 0
            ? Phrase.of("notice.chargeShort.charging", Arg.text(Long.toString(chargingWatts)))
            : Phrase.of("notice.chargeShort.notCharging");
    return Wording.catalogued(
        NoticeKind.CHARGE_SHORT,
        subject,
        Phrase.of("notice.chargeShort.title", Arg.text(battery)),
        Phrase.of(
            "notice.chargeShort.body",
            Arg.text(Figures.hour(now)),
            Arg.text(Figures.percent(soc)),
            Arg.phrase(pace),
            Arg.text(Figures.percent(target)),
            Arg.text(Figures.hour(doneBy)),
            Arg.text(Figures.percent(projected))));
  }
}
