package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The hours ahead with their colour, price and expected load; unknown values are NaN. */
final class Horizon {

  final Instant[] start;
  final LocalDate[] day;
  final TempoColour[] colour;
  final boolean[] assumed;
  final boolean[] offPeak;
  final double[] price;
  final double[] load;

  /** The room an import cap usually leaves above the house (W); infinite without a cap. */
  final double[] room;

  private Horizon(int hours) {
    start = new Instant[hours];
    day = new LocalDate[hours];
    colour = new TempoColour[hours];
    assumed = new boolean[hours];
    offPeak = new boolean[hours];
    price = new double[hours];
    load = new double[hours];
    room = new double[hours];
  }

  /** Unknown colours are replaced by the worst case when {@code assumeUnknown}, else left out. */
  static Horizon build(PlanningInput in, Instant end, boolean assumeUnknown) {
    return build(in, end, assumeUnknown, null);
  }

  /**
   * As above, with an unknown day taken as {@code outcome} (one of its possible colours, not marked
   * as assumed) instead of its worst case, when not null.
   */
  static Horizon build(PlanningInput in, Instant end, boolean assumeUnknown, TempoColour outcome) {
    Instant first = in.now().truncatedTo(ChronoUnit.HOURS);
    int hours = (int) Math.max(1, ChronoUnit.HOURS.between(first, end));
    Horizon h = new Horizon(hours);
    TempoCalendar calendar = in.calendar();
    LocalDate lastDay = null;
    TempoColour lastColour = TempoColour.UNKNOWN;
    boolean lastAssumed = false;
    LocalDate gridDay = null;
    Optional<TempoPriceGrid> grid = Optional.empty();
    for (int t = 0; t < hours; t++) {
      Instant at = first.plus(t, ChronoUnit.HOURS);
      h.start[t] = at;
      // one time-zone conversion per hour: the replay plans 8,760 times a season
      LocalDateTime local = LocalDateTime.ofInstant(at, PARIS);
      h.day[t] = TempoDays.tempoDayOf(local);
      if (!h.day[t].equals(lastDay)) {
        lastDay = h.day[t];
        lastColour = calendar.colourOf(lastDay);
        lastAssumed = !lastColour.isKnown() && assumeUnknown;
        if (lastAssumed) {
          lastColour = calendar.worstCaseColour(lastDay);
        }
      }
      h.colour[t] = lastColour;
      h.assumed[t] = lastAssumed;
      h.offPeak[t] = TempoDays.isOffPeak(local);
      if (!local.toLocalDate().equals(gridDay)) {
        gridDay = local.toLocalDate();
        grid = in.prices().gridOn(gridDay);
      }
      h.price[t] =
          grid.isPresent() && lastColour.isKnown()
              ? grid.get().price(lastColour, h.offPeak[t]).eurPerKwh()
              : Double.NaN;
      h.load[t] = in.forecast().watts(at).orElse(Double.NaN);
      double cap = in.maxGridImportW();
      h.room[t] =
          Double.isInfinite(cap)
              ? cap
              : in.forecast().roomWatts(at, cap).orElse(Math.max(0, cap - h.load[t]));
    }
    return h;
  }

  /**
   * A copy with the assumed (unpublished) days taken as {@code outcome} instead of their worst
   * case: the same hours and load, only their colour and price change. Cheaper than building again,
   * which the plan does for each colour tomorrow may take.
   */
  Horizon withOutcome(PlanningInput in, TempoColour outcome) {
    Horizon copy = new Horizon(hours());
    System.arraycopy(start, 0, copy.start, 0, hours());
    System.arraycopy(day, 0, copy.day, 0, hours());
    System.arraycopy(colour, 0, copy.colour, 0, hours());
    System.arraycopy(offPeak, 0, copy.offPeak, 0, hours());
    System.arraycopy(price, 0, copy.price, 0, hours());
    System.arraycopy(load, 0, copy.load, 0, hours());
    System.arraycopy(room, 0, copy.room, 0, hours());
    for (int t = 0; t < hours(); t++) {
      if (assumed[t]) {
        copy.colour[t] = outcome;
        LocalDate local = LocalDateTime.ofInstant(start[t], PARIS).toLocalDate();
        boolean night = offPeak[t];
        copy.price[t] =
            in.prices()
                .gridOn(local)
                .map(g -> g.price(outcome, night).eurPerKwh())
                .orElse(Double.NaN);
      }
    }
    return copy;
  }

  int hours() {
    return start.length;
  }

  boolean isPlannable(int t) {
    return !Double.isNaN(price[t]) && !Double.isNaN(load[t]);
  }

  /** The first hour of the next peak after hour t, or -1 when it is beyond the horizon. */
  int nextPeakStart(int t) {
    for (int k = t + 1; k < hours(); k++) {
      if (!offPeak[k] && offPeak[k - 1]) {
        return k;
      }
    }
    return -1;
  }
}
