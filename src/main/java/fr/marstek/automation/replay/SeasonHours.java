package fr.marstek.automation.replay;

import fr.marstek.automation.planning.LoadForecast;
import fr.marstek.automation.planning.WeekdayHourForecast;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One season read once for all its replays: every hour's start, true load (NaN where the load file
 * has no value), true price, and the load forecast the planner would make for it. Time runs through
 * missing hours (and days of unknown colour): they stay in place, with no load or price.
 */
final class SeasonHours {

  // The planner looks at most today and tomorrow ahead: two Tempo days past the season's end.
  private static final int HOURS_PAST_END = 50;
  private static final long WEEK = 7 * 24 * 3600;

  final Instant first;
  final Instant[] start;
  final double[] load;
  final double[] price;
  final double[] forecast;
  final double[] typical;
  final double[] room;
  private final double maxGridW;
  int daysCovered;
  int daysExcluded;
  int hoursMissing;

  private SeasonHours(Instant first, int hours, double maxGridW) {
    this.first = first;
    this.maxGridW = maxGridW;
    start = new Instant[hours];
    load = new double[hours];
    price = new double[hours];
    forecast = new double[hours + HOURS_PAST_END];
    typical = new double[hours + HOURS_PAST_END];
    room = new double[hours + HOURS_PAST_END];
  }

  static SeasonHours read(
      TempoSeason season,
      TempoCalendar truth,
      LoadSeries load,
      TempoPrices prices,
      int weeks,
      double maxGridW) {
    Instant first = TempoDays.start(season.firstDay());
    Instant end = TempoDays.end(season.lastDay());
    SeasonHours h =
        new SeasonHours(
            first, (int) ((end.getEpochSecond() - first.getEpochSecond()) / 3600), maxGridW);
    int t = 0;
    for (LocalDate day = season.firstDay(); !day.isAfter(season.lastDay()); day = day.plusDays(1)) {
      TempoColour colour = truth.colourOf(day);
      boolean whole = colour.isKnown();
      Instant dayEnd = TempoDays.end(day);
      for (Instant hour = TempoDays.start(day);
          hour.isBefore(dayEnd);
          hour = hour.plusSeconds(3600)) {
        Instant at = hour;
        h.start[t] = at;
        OptionalDouble w = colour.isKnown() ? load.watts(at) : OptionalDouble.empty();
        whole &= w.isPresent();
        h.load[t] = w.orElse(Double.NaN);
        h.price[t] =
            colour.isKnown()
                ? prices
                    .gridAt(at)
                    .orElseThrow(() -> new IllegalArgumentException("no price grid at " + at))
                    .price(colour, TempoDays.isOffPeak(at))
                    .eurPerKwh()
                : Double.NaN;
        if (w.isEmpty()) {
          h.hoursMissing++;
        }
        t++;
      }
      if (whole) {
        h.daysCovered++;
      } else {
        h.daysExcluded++;
      }
    }
    // Over a horizon shorter than a week the forecast reads only hours measured before the hour
    // it plans from, so each hour's forecast is the same whenever it is asked: made once here.
    LoadSeries once = new ReadOnce(load, first, weeks, h.forecast.length);
    for (int k = 0; k < h.forecast.length; k++) {
      Instant at = first.plusSeconds(3600L * k);
      // the three from one read of the past weeks instead of three reads
      double[] made = new WeekdayHourForecast(once, at, weeks).all(at, maxGridW);
      h.forecast[k] = made[0];
      h.typical[k] = made[1];
      h.room[k] = Double.isInfinite(maxGridW) ? maxGridW : made[2];
    }
    return h;
  }

  /**
   * The load of each hour read once: the forecasts of a season read every past hour {@code weeks}
   * times, and each read maps a date onto the load year.
   */
  private static final class ReadOnce implements LoadSeries {
    private final LoadSeries source;
    private final long origin;
    private final OptionalDouble[] read;

    /** Holds the hours from {@code weeks} + 1 weeks before {@code first} to {@code hours} after. */
    ReadOnce(LoadSeries source, Instant first, int weeks, int hours) {
      this.source = source;
      this.origin = first.getEpochSecond() - WEEK * (weeks + 1);
      this.read = new OptionalDouble[Math.toIntExact(WEEK * (weeks + 1) / 3600 + hours)];
    }

    @Override
    public OptionalDouble watts(Instant hourStart) {
      long seconds = hourStart.getEpochSecond() - origin;
      if (seconds < 0 || seconds % 3600 != 0 || seconds / 3600 >= read.length) {
        return source.watts(hourStart);
      }
      int k = (int) (seconds / 3600);
      if (read[k] == null) {
        read[k] = source.watts(hourStart);
      }
      return read[k];
    }
  }

  int size() {
    return start.length;
  }

  boolean isMeasured(int t) {
    return !Double.isNaN(load[t]);
  }

  /** The forecast the planner gets at {@code now}: the same as a live forecast from the history. */
  LoadForecast forecastAt(Instant now, LoadSeries history, int weeks) {
    WeekdayHourForecast live =
        new WeekdayHourForecast(
            past ->
                past.plusSeconds(3600).isAfter(now) ? OptionalDouble.empty() : history.watts(past),
            now,
            weeks);
    // ahead of this, the live forecast is asked (it reads only hours measured before now)
    Instant madeUntil = now.plusSeconds(6 * 24 * 3600);
    return new LoadForecast() {
      @Override
      public OptionalDouble watts(Instant at) {
        int k = made(at);
        return k < 0 ? live.watts(at) : present(forecast[k]);
      }

      @Override
      public OptionalDouble typicalWatts(Instant at) {
        int k = made(at);
        return k < 0 ? live.typicalWatts(at) : present(typical[k]);
      }

      @Override
      public OptionalDouble roomWatts(Instant at, double capW) {
        int k = capW == maxGridW ? made(at) : -1;
        return k < 0 ? live.roomWatts(at, capW) : present(room[k]);
      }

      @Override
      public OptionalDouble recentWatts() {
        return live.recentWatts();
      }

      /** The hour's index in the forecasts made once, or -1 when it is not among them. */
      private int made(Instant at) {
        long k = (at.getEpochSecond() - first.getEpochSecond()) / 3600;
        return k < 0 || k >= forecast.length || !at.isBefore(madeUntil) ? -1 : (int) k;
      }

      private static OptionalDouble present(double w) {
        return Double.isNaN(w) ? OptionalDouble.empty() : OptionalDouble.of(w);
      }
    };
  }
}
