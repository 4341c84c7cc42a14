package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.PriceList;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place where planning knows Tempo beyond the {@link Tariff} port: the chances of the
 * colours an unpublished day may take, from Tempo's placement rules and the season's tally of
 * colours left, and when tomorrow's colour comes out. Prices and periods come through the port; a
 * tariff whose days are all known in advance has no odds to weigh, and the planner plans without.
 */
final class TempoOdds {

  // tempo.md section 1.3: binding at 10:30, announced about 11:00, worst case from 12:00
  private static final LocalTime EXPECTED = LocalTime.of(11, 0);
  private static final LocalTime DEADLINE = LocalTime.of(12, 0);
  private static final int RED = TempoTariff.KINDS.indexOf(TempoColour.RED);
  private static final int WHITE = TempoTariff.KINDS.indexOf(TempoColour.WHITE);
  private static final int BLUE = TempoTariff.KINDS.indexOf(TempoColour.BLUE);

  private final TempoCalendar calendar;
  // a plan asks the same days several times (its own value, the branch where the day after the
  // horizon is not red, each colour tomorrow may take): each answer is worked out once per plan,
  // which makes one instance per plan and thread
  private final Map<LocalDate, Boolean> redPossible = new HashMap<>();
  private final Map<LocalDate, Double> red = new HashMap<>();
  private final Map<LocalDate, Double> redAfterRed = new HashMap<>();
  private final Map<LocalDate, double[]> colours = new HashMap<>();

  private TempoOdds(TempoCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * Tempo's odds when {@code tariff} is Tempo over a calendar of the colours known so far; for one
   * plan (it keeps its answers).
   */
  static Optional<TempoOdds> of(Tariff tariff) {
    return tariff instanceof TempoTariff(TempoCalendar calendar, var prices)
        ? Optional.of(new TempoOdds(calendar))
        : Optional.empty();
  }

  /**
   * Hours from {@code local} until tomorrow's colour is expected, while it is still weighed by its
   * chances rather than planned at its worst case: from the day's start (06:00) to the deadline.
   */
  static OptionalLong hoursToPublication(LocalDateTime local) {
    if (local.getHour() < 6 || !local.toLocalTime().isBefore(DEADLINE)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Duration.between(local, local.toLocalDate().atTime(EXPECTED)).toHours());
  }

  /** When the next day's colour is expected to be out, Paris time. */
  static LocalTime publication() {
    return EXPECTED;
  }

  /** The chance of red among {@link #colourChances}. */
  static double red(double[] chance) {
    return chance[RED];
  }

  /** The chance of white among {@link #colourChances}. */
  static double white(double[] chance) {
    return chance[WHITE];
  }

  boolean redPossibleAfter(LocalDate day) {
    return redPossible.computeIfAbsent(day, calendar::redPossibleAfter);
  }

  double chanceOfRed(LocalDate day) {
    return red.computeIfAbsent(day, d -> chanceOfRed(calendar, d));
  }

  double[] colourChances(LocalDate day) {
    return colours.computeIfAbsent(day, d -> colourChances(calendar, d, chanceOfRed(d))).clone();
  }

  /** The white night's price: the cheapest night after a day that is not blue. */
  static double whiteNight(PriceList prices) {
    return prices.price(TempoColour.WHITE, true).eurPerKwh();
  }

  /**
   * The chance of each colour, in the order of {@link Tariff#kinds()}, for an unpublished day: red
   * as {@link #chanceOfRed}, white the white days left over the days that can still be white, blue
   * the rest.
   */
  static double[] colourChances(TempoCalendar calendar, LocalDate day) {
    return colourChances(calendar, day, chanceOfRed(calendar, day));
  }

  private static double[] colourChances(TempoCalendar calendar, LocalDate day, double red) {
    double[] chance = new double[TempoTariff.KINDS.size()];
    double white = 0;
    if (TempoSeason.isWhiteAllowed(day)) {
      TempoSeason season = TempoSeason.of(day);
      int candidates = calendar.openDaysFrom(day, TempoColour.WHITE);
      int left = calendar.daysLeft(season, TempoColour.WHITE);
      white = candidates == 0 ? 0 : Math.min(1 - red, (double) left / candidates);
    }
    chance[RED] = red;
    chance[WHITE] = white;
    chance[BLUE] = Math.max(0, 1 - red - white);
    return chance;
  }

  /**
   * The chance that {@code day}, beyond the known colours, is red: none when Tempo's rules forbid
   * it (weekend, holiday, April-October) or the season's red days are used up, else the red days
   * left shared evenly over the days that can still be red.
   */
  static double chanceOfRed(TempoCalendar calendar, LocalDate day) {
    if (!TempoSeason.isRedAllowed(day) || calendar.colourOf(day).isKnown()) {
      return 0;
    }
    TempoSeason season = TempoSeason.of(day);
    int left = calendar.daysLeft(season, TempoColour.RED);
    int candidates = calendar.openDaysFrom(day, TempoColour.RED);
    return candidates == 0 ? 0 : Math.min(1, (double) left / candidates);
  }

  /**
   * The chance that {@code day}, unpublished, is red when the day before it is a known red day: red
   * days come in runs (a cold spell), so a red day makes the next likelier than the tally spread
   * over the season says. Measured on the season so far: of its red days whose next day could be
   * red and is known, the share followed by another red; the tally's even chance ({@link
   * #chanceOfRed}) counts as one more such day, so a season without a run yet keeps about that
   * chance. None when the day cannot be red.
   */
  double chanceOfRedAfterRed(LocalDate day) {
    return redAfterRed.computeIfAbsent(day, this::runChance);
  }

  private double runChance(LocalDate day) {
    double even = chanceOfRed(day);
    if (even <= 0) {
      return 0;
    }
    int runs = 0;
    int continued = 0;
    for (LocalDate d = TempoSeason.of(day).firstDay(); d.isBefore(day); d = d.plusDays(1)) {
      LocalDate next = d.plusDays(1);
      if (calendar.colourOf(d) == TempoColour.RED
          && TempoSeason.isRedAllowed(next)
          && calendar.colourOf(next).isKnown()) {
        runs++;
        continued += calendar.colourOf(next) == TempoColour.RED ? 1 : 0;
      }
    }
    return (continued + even) / (runs + 1);
  }

  RedChances redChances() {
    return new RedChances(calendar);
  }

  DayChances dayChances(RedChances red) {
    return new DayChances(calendar, red);
  }

  /**
   * Red and white chances ({@link #colourChances}) for consecutive days, with the days that can
   * still take each colour counted once.
   */
  static final class DayChances {
    private final TempoCalendar calendar;
    private final RedChances red;
    private TempoSeason season;
    private int whiteLeft;
    private int whiteCandidates;

    private DayChances(TempoCalendar calendar, RedChances red) {
      this.calendar = calendar;
      this.red = red;
    }

    /** {red, white} for {@code day}; days must be asked in order, one after the other. */
    double[] next(LocalDate day) {
      TempoColour known = calendar.colourOf(day);
      if (known.isKnown()) {
        red.next(day);
        return new double[] {known == TempoColour.RED ? 1 : 0, known == TempoColour.WHITE ? 1 : 0};
      }
      double r = red.next(day);
      if (!TempoSeason.isWhiteAllowed(day)) {
        return new double[] {r, 0};
      }
      TempoSeason of = TempoSeason.of(day);
      if (!of.equals(season)) {
        season = of;
        whiteLeft = calendar.daysLeft(of, TempoColour.WHITE);
        whiteCandidates = calendar.openDaysFrom(day, TempoColour.WHITE);
      }
      double w = whiteCandidates == 0 ? 0 : Math.min(1 - r, (double) whiteLeft / whiteCandidates);
      whiteCandidates--;
      return new double[] {r, w};
    }
  }

  /**
   * {@link #chanceOfRed} for consecutive days, counting the days that can still be red once per
   * season rather than once per day: the replay asks it for every hour of a season.
   */
  static final class RedChances {
    private final TempoCalendar calendar;
    private TempoSeason season;
    private int left;
    private int candidates;
    // the tally at the first day asked that could be red
    int firstLeft;
    int firstCandidates;

    private RedChances(TempoCalendar calendar) {
      this.calendar = calendar;
    }

    /** The chance for {@code day}; days must be asked in order, one after the other. */
    double next(LocalDate day) {
      if (!TempoSeason.isRedAllowed(day) || calendar.colourOf(day).isKnown()) {
        return 0;
      }
      TempoSeason of = TempoSeason.of(day);
      if (!of.equals(season)) {
        season = of;
        left = calendar.daysLeft(of, TempoColour.RED);
        candidates = calendar.openDaysFrom(day, TempoColour.RED);
        if (firstCandidates == 0) {
          firstLeft = left;
          firstCandidates = candidates;
        }
      }
      double chance = candidates == 0 ? 0 : Math.min(1, (double) left / candidates);
      candidates--;
      return chance;
    }
  }
}
