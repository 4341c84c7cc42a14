package fr.marstek.automation.planning;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.PriceList;
import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * The hours ahead with their tariff day, its kind (for Tempo its colour), price and expected load;
 * unknown values are NaN, an unknown kind null.
 */
final class Horizon {

  private static final long SECONDS_PER_DAY = 24 * 3600;

  final Instant[] start;
  final LocalDate[] day;
  // the Paris calendar date of each hour, on which its price list is in force
  final LocalDate[] date;
  final DayKind[] kind;
  final boolean[] assumed;
  final boolean[] offPeak;
  final double[] price;
  final double[] load;

  /** The room an import cap usually leaves above the house (W); infinite without a cap. */
  final double[] room;

  private Horizon(int hours) {
    start = new Instant[hours];
    day = new LocalDate[hours];
    date = new LocalDate[hours];
    kind = new DayKind[hours];
    assumed = new boolean[hours];
    offPeak = new boolean[hours];
    price = new double[hours];
    load = new double[hours];
    room = new double[hours];
  }

  /** Unpublished kinds are replaced by the worst case when {@code assumeUnknown}, else left out. */
  static Horizon build(PlanningInput in, Instant end, boolean assumeUnknown) {
    Instant first = in.now().truncatedTo(ChronoUnit.HOURS);
    int hours = (int) Math.max(1, ChronoUnit.HOURS.between(first, end));
    Horizon h = new Horizon(hours);
    Tariff tariff = in.tariff();
    LoadForecast forecast = in.forecast();
    double cap = in.maxGridImportW();
    ZoneRules rules = PARIS.getRules();
    ZoneOffset offset = ZoneOffset.UTC;
    long offsetUntil = Long.MIN_VALUE;
    LocalDate lastDay = null;
    DayKind lastKind = null;
    boolean lastAssumed = false;
    LocalDate date = null;
    long dateEpochDay = 0;
    LocalDate listDay = null;
    Optional<PriceList> list = Optional.empty();
    for (int t = 0; t < hours; t++) {
      long second = first.getEpochSecond() + 3600L * t;
      Instant at = Instant.ofEpochSecond(second);
      h.start[t] = at;
      // Paris time from the offset, looked up again only once the clocks change: the replay
      // plans 8,760 times a season, and a time-zone look-up per hour was most of a horizon's work
      if (second >= offsetUntil) {
        offset = rules.getOffset(at);
        ZoneOffsetTransition change = rules.nextTransition(at);
        offsetUntil = change == null ? Long.MAX_VALUE : change.toEpochSecond();
      }
      // the date only when it changes, and the clock time of a whole hour from a table
      long localSecond = second + offset.getTotalSeconds();
      long epochDay = Math.floorDiv(localSecond, SECONDS_PER_DAY);
      if (date == null || epochDay != dateEpochDay) {
        date = LocalDate.ofEpochDay(epochDay);
        dateEpochDay = epochDay;
      }
      LocalDateTime local =
          LocalDateTime.of(
              date, LocalTime.ofSecondOfDay(Math.floorMod(localSecond, SECONDS_PER_DAY)));
      h.day[t] = tariff.dayOf(local);
      h.date[t] = date;
      if (!h.day[t].equals(lastDay)) {
        lastDay = h.day[t];
        Optional<DayKind> published = tariff.kindOf(lastDay);
        lastAssumed = published.isEmpty() && assumeUnknown;
        lastKind = lastAssumed ? tariff.worstCase(lastDay) : published.orElse(null);
      }
      h.kind[t] = lastKind;
      h.assumed[t] = lastAssumed;
      h.offPeak[t] = tariff.isOffPeak(local);
      if (!h.date[t].equals(listDay)) {
        listDay = h.date[t];
        list = tariff.pricesOn(listDay);
      }
      h.price[t] =
          list.isPresent() && lastKind != null
              ? list.get().price(lastKind, h.offPeak[t]).eurPerKwh()
              : Double.NaN;
      h.load[t] = forecast.watts(at).orElse(Double.NaN);
      h.room[t] =
          Double.isInfinite(cap)
              ? cap
              : forecast.roomWatts(at, cap).orElse(Math.max(0, cap - h.load[t]));
    }
    return h;
  }

  /**
   * A copy with the assumed (unpublished) days taken as {@code outcome} instead of their worst
   * case: the same hours and load, only their kind and price change. Cheaper than building again,
   * which the plan does for each kind tomorrow may take.
   */
  Horizon withOutcome(PlanningInput in, DayKind outcome) {
    Horizon copy = new Horizon(hours());
    System.arraycopy(start, 0, copy.start, 0, hours());
    System.arraycopy(day, 0, copy.day, 0, hours());
    System.arraycopy(date, 0, copy.date, 0, hours());
    System.arraycopy(kind, 0, copy.kind, 0, hours());
    System.arraycopy(offPeak, 0, copy.offPeak, 0, hours());
    System.arraycopy(price, 0, copy.price, 0, hours());
    System.arraycopy(load, 0, copy.load, 0, hours());
    System.arraycopy(room, 0, copy.room, 0, hours());
    LocalDate listDay = null;
    Optional<PriceList> list = Optional.empty();
    for (int t = 0; t < hours(); t++) {
      if (assumed[t]) {
        copy.kind[t] = outcome;
        if (!date[t].equals(listDay)) {
          listDay = date[t];
          list = in.tariff().pricesOn(listDay);
        }
        copy.price[t] =
            list.isPresent() ? list.get().price(outcome, offPeak[t]).eurPerKwh() : Double.NaN;
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
