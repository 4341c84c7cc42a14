package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Phrase.Arg.day;
import static fr.marstek.automation.units.Phrase.Arg.energy;
import static fr.marstek.automation.units.Phrase.Arg.eurPerKwh;
import static fr.marstek.automation.units.Phrase.Arg.percent;
import static fr.marstek.automation.units.Phrase.Arg.phrase;
import static fr.marstek.automation.units.Phrase.Arg.term;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.WattHours;
import java.time.LocalDate;
import java.util.Optional;

/** Gives, for each planned hour, the reason a person would give, as a phrase of the catalogue. */
final class Reasons {

  private static final double NOISE_WH = 1;

  private final PlanningInput in;
  private final Horizon h;
  private final double[] pooled;
  private final double usable;
  private final Optional<LocalDate> possibleRed;
  private final Optional<OptimisingPlanner.Stocking> stocking;
  private final Optional<OptimisingPlanner.Pending> pending;

  /**
   * @param keep what is kept after the horizon, and for which red day that may come
   * @param pending tomorrow's colour, not published yet, weighed by its chances until it is
   */
  Reasons(
      PlanningInput in,
      Horizon h,
      double[] pooled,
      double usable,
      OptimisingPlanner.Keep keep,
      Optional<OptimisingPlanner.Pending> pending) {
    this.in = in;
    this.h = h;
    this.pooled = pooled;
    this.usable = usable;
    this.possibleRed = keep.possibleRed();
    this.stocking = keep.stocking();
    this.pending = pending;
  }

  Phrase forHour(int t) {
    double delta = pooled[t + 1] - pooled[t];
    if (!h.isPlannable(t)) {
      return Phrase.of("reason.plan.unplannable");
    }
    if (!h.offPeak[t] && pending.isPresent() && t < pending.get().reveal() && delta >= -NOISE_WH) {
      // today's peak hour charges or keeps on tomorrow's chances: say so
      return pendingPhrase(peak(t, delta));
    }
    return h.offPeak[t] ? offPeak(t, delta) : assumed(t, peak(t, delta));
  }

  private Phrase offPeak(int t, double delta) {
    int peak = h.nextPeakStart(t);
    double here = h.price[t];
    if (peak < 0) {
      return assumed(t, Phrase.of("reason.plan.noPeakAhead", eurPerKwh(here)));
    }
    Arg next = colour(h.kind[peak]);
    double there = h.price[peak];
    if (delta > NOISE_WH) {
      Arg atPeak = percent((double) Math.round(socPercent(pooled[peak])));
      return assumed(peak, charging(next, there, here, atPeak));
    }
    if (delta < -NOISE_WH) {
      return assumed(t, Phrase.of("reason.plan.offPeakCovers", eurPerKwh(here)));
    }
    double margin = there - in.wearEurPerKwh() - here / (efficiency() * efficiency());
    if (pooled[t] >= usable - NOISE_WH) {
      return assumed(peak, Phrase.of("reason.plan.full", next));
    }
    return assumed(
        peak,
        Phrase.of(
            margin > 0 ? "reason.plan.enoughStored" : "reason.plan.doesNotPay",
            next,
            eurPerKwh(there),
            eurPerKwh(here),
            percent((double) Math.round(100 * efficiency() * efficiency())),
            eurPerKwh(in.wearEurPerKwh())));
  }

  private Phrase charging(Arg next, double there, double here, Arg atPeak) {
    if (stocking.isPresent() && pooled[pooled.length - 1] > NOISE_WH) {
      // charging on an earlier night than the red day's own: say why one night is not enough
      OptimisingPlanner.Stocking why = stocking.get();
      return Phrase.of(
          "reason.plan.chargingStocking",
          next,
          eurPerKwh(there),
          eurPerKwh(here),
          atPeak,
          day(why.from()),
          energy(WattHours.of(why.nightUnits())),
          energy(WattHours.of(why.redDayUnits())));
    }
    return keptForRed()
        .map(
            red ->
                Phrase.of(
                    "reason.plan.chargingKeptForRed",
                    next,
                    eurPerKwh(there),
                    eurPerKwh(here),
                    atPeak,
                    day(red)))
        .orElseGet(
            () ->
                Phrase.of("reason.plan.charging", next, eurPerKwh(there), eurPerKwh(here), atPeak));
  }

  private Phrase peak(int t, double delta) {
    Arg colour = colour(h.kind[t]);
    Arg here = eurPerKwh(h.price[t]);
    if (delta < -NOISE_WH) {
      return Phrase.of("reason.plan.peakCovers", colour, here);
    }
    if (delta > NOISE_WH) {
      return Phrase.of("reason.plan.peakCharges", colour, here);
    }
    if (pooled[t] <= NOISE_WH) {
      return Phrase.of("reason.plan.atReserve", colour);
    }
    return Phrase.of("reason.plan.keeping", colour, here);
  }

  /** The day that may be red, when charging goes beyond the horizon's needs for it. */
  private Optional<LocalDate> keptForRed() {
    if (possibleRed.isEmpty() || pooled[pooled.length - 1] <= NOISE_WH) {
      return Optional.empty();
    }
    return possibleRed;
  }

  /** Says first that the colour this reason rests on is assumed, when it is. */
  private Phrase assumed(int t, Phrase why) {
    if (t < 0 || !h.assumed[t]) {
      return why;
    }
    if (pending.isPresent() && pending.get().day().equals(h.day[t])) {
      return pendingPhrase(why);
    }
    return Phrase.of("reason.plan.assumed", day(h.day[t]), colour(h.kind[t]), phrase(why));
  }

  /** Says first that tomorrow is weighed by its chances until its colour is published. */
  private Phrase pendingPhrase(Phrase why) {
    OptimisingPlanner.Pending p = pending.orElseThrow();
    double[] chance = p.chance();
    DayKind shown = null;
    for (int t = 0; t < h.hours() && shown == null; t++) {
      shown = h.day[t].equals(p.day()) ? h.kind[t] : shown;
    }
    return Phrase.of(
        "reason.plan.pending",
        day(p.day()),
        percent((double) Math.round(100 * TempoOdds.red(chance))),
        percent((double) Math.round(100 * TempoOdds.white(chance))),
        colour(shown),
        phrase(why));
  }

  /** A kind of day as a word inside a sentence (for Tempo red, white, blue); null: unknown. */
  static Arg colour(DayKind kind) {
    return term("colour.word." + (kind == null ? "UNKNOWN" : kind.name()));
  }

  private double efficiency() {
    return in.batteries().isEmpty() ? 1 : in.batteries().get(0).limits().oneWayEfficiency();
  }

  private double socPercent(double storedPooled) {
    if (in.batteries().isEmpty() || usable <= 0) {
      return 0;
    }
    BatteryLimits first = in.batteries().get(0).limits();
    return first.socOf(storedPooled / usable * first.usableWh()).value();
  }
}
