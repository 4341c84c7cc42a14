package fr.marstek.automation.control;

import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.control.Intent.SelfConsumption;
import fr.marstek.automation.control.OperatingSchedule.Period;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides what a battery should do now: schedule, then overrides, then safety (always last). */
final class DesiredStateSelector {

  private final OperatingSchedule schedule;
  private final SafetyLimits limits;
  private final ChargeAllowance allowance;
  private final PeakHours peakHours;

  DesiredStateSelector(OperatingSchedule schedule, SafetyLimits limits, PeakHours peakHours) {
    this(schedule, limits, ChargeAllowance.UNLIMITED, peakHours);
  }

  DesiredStateSelector(
      OperatingSchedule schedule,
      SafetyLimits limits,
      ChargeAllowance allowance,
      PeakHours peakHours) {
    this.schedule = schedule;
    this.limits = limits;
    this.allowance = allowance;
    this.peakHours = peakHours;
  }

  PeakHours peakHours() {
    return peakHours;
  }

  DesiredState select(BatteryId battery, Percent soc, List<ModeOverride> overrides, Instant now) {
    return select(battery, soc, overrides, now, Optional.empty());
  }

  /** As above, with what the plan wants now (when the strategy plans) in place of the schedule. */
  DesiredState select(
      BatteryId battery,
      Percent soc,
      List<ModeOverride> overrides,
      Instant now,
      Optional<DesiredState> planned) {
    DesiredState wanted = planned.orElseGet(() -> fromSchedule(now));
    boolean asked = false;
    for (ModeOverride o : overrides) {
      if (o.appliesTo(battery, now)) {
        wanted =
            new DesiredState(
                o.intent(), Cause.OVERRIDE, Phrase.of("reason.override", Arg.moment(o.until())));
        asked = o.gridChargeInPeak();
        if (o.battery().isPresent()) {
          break; // a battery's own override wins over one for all batteries
        }
      }
    }
    if (wanted.intent() instanceof GridCharge c && soc.compareTo(c.upTo()) >= 0) {
      wanted =
          new DesiredState(
              new Intent.Idle(),
              wanted.cause(),
              Phrase.of("reason.charged", Arg.percent(c.upTo())));
    }
    // the import cap comes last: it is what keeps the breaker in, whatever asked for the charge
    return allowance.apply(SafetyPolicy.apply(wanted, limits, soc, isPeak(now), asked));
  }

  DesiredState fromSchedule(Instant now) {
    Arg start = Arg.time(schedule.dayStart());
    Arg end = Arg.time(schedule.dayEnd());
    if (schedule.periodAt(now) == Period.DAY) {
      return new DesiredState(
          new SelfConsumption(), Cause.SCHEDULE, Phrase.of("reason.schedule.day", start, end));
    }
    return new DesiredState(
        new GridCharge(limits.maxCharge(), Percent.of(100)),
        Cause.SCHEDULE,
        Phrase.of("reason.schedule.night", start, end));
  }

  /** The tariff's peak hours, whatever the household's own schedule says. */
  boolean isPeak(Instant now) {
    return peakHours.contains(now);
  }
}
