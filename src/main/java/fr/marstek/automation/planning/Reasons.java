package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** Writes, for each planned hour, the reason a person would give; only when someone reads it. */
final class Reasons {

  private static final double NOISE_WH = 1;

  private final PlanningInput in;
  private final Horizon h;
  private final double[] pooled;
  private final double usable;
  private final Optional<LocalDate> possibleRed;

  /**
   * @param possibleRed the day after the horizon, when energy is kept for it in case it is red
   */
  Reasons(
      PlanningInput in,
      Horizon h,
      double[] pooled,
      double usable,
      Optional<LocalDate> possibleRed) {
    this.in = in;
    this.h = h;
    this.pooled = pooled;
    this.usable = usable;
    this.possibleRed = possibleRed;
  }

  Reason forHour(int t) {
    double delta = pooled[t + 1] - pooled[t];
    if (!h.isPlannable(t)) {
      return () -> "no price or load known for this hour: battery idle";
    }
    String assumption = assumption(t);
    if (h.offPeak[t]) {
      return offPeak(t, delta, assumption);
    }
    return peak(t, delta, assumption);
  }

  private Reason offPeak(int t, double delta, String assumption) {
    int peak = h.nextPeakStart(t);
    double here = h.price[t];
    if (peak < 0) {
      return () -> assumption + "off-peak " + eur(here) + ": next peak beyond the horizon";
    }
    TempoColour next = h.colour[peak];
    double there = h.price[peak];
    String nextAssumption = assumption(peak);
    double atPeak = percent(pooled[peak]);
    if (delta > NOISE_WH) {
      return () ->
          nextAssumption
              + next
              + " tomorrow: peak "
              + eur(there)
              + " vs off-peak "
              + eur(here)
              + ": charging to "
              + whole(atPeak)
              + " % by 06:00"
              + keptForRed();
    }
    if (delta < -NOISE_WH) {
      return () -> assumption + "off-peak " + eur(here) + ": battery covers the house";
    }
    double margin = there - in.wearEurPerKwh() - here / (efficiency() * efficiency());
    if (pooled[t] >= usable - NOISE_WH) {
      return () -> nextAssumption + "battery full for " + next + " tomorrow";
    }
    return () ->
        nextAssumption
            + next
            + " tomorrow: peak "
            + eur(there)
            + " vs off-peak "
            + eur(here)
            + " after "
            + whole(100 * efficiency() * efficiency())
            + " % round trip and "
            + eur(in.wearEurPerKwh())
            + " wear: "
            + (margin > 0 ? "enough stored already" : "charging does not pay");
  }

  private Reason peak(int t, double delta, String assumption) {
    TempoColour colour = h.colour[t];
    double here = h.price[t];
    if (delta < -NOISE_WH) {
      return () -> assumption + colour + " day: peak " + eur(here) + ": battery covers the house";
    }
    if (delta > NOISE_WH) {
      return () ->
          assumption + colour + " day: peak " + eur(here) + ": charging pays for a dearer peak";
    }
    if (pooled[t] <= NOISE_WH) {
      return () -> assumption + colour + " day: battery at its reserve";
    }
    return () ->
        assumption
            + colour
            + " day: peak "
            + eur(here)
            + ": keeping the stored energy for a dearer peak";
  }

  /** Said when charging goes beyond the horizon's needs for a day that may be red. */
  private String keptForRed() {
    if (possibleRed.isEmpty() || pooled[pooled.length - 1] <= NOISE_WH) {
      return "";
    }
    return ", part kept in case "
        + possibleRed.get()
        + " is RED (cheaper now than on the night before)";
  }

  private String assumption(int t) {
    if (!h.assumed[t]) {
      return "";
    }
    Instant dayStart = TempoDays.start(h.day[t]);
    return "colour of "
        + TempoDays.tempoDayOf(dayStart)
        + " not published: planning for "
        + h.colour[t]
        + " (worst case); ";
  }

  private double efficiency() {
    return in.batteries().isEmpty() ? 1 : in.batteries().get(0).limits().oneWayEfficiency();
  }

  private double percent(double storedPooled) {
    if (in.batteries().isEmpty() || usable <= 0) {
      return 0;
    }
    BatteryLimits first = in.batteries().get(0).limits();
    return first.socOf(storedPooled / usable * first.usableWh()).value();
  }

  private static String eur(double eurPerKwh) {
    return String.format(Locale.ROOT, "%.4f EUR/kWh", eurPerKwh);
  }

  private static String whole(double value) {
    return String.valueOf(Math.round(value));
  }
}
