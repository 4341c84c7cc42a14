package fr.marstek.automation.tariff.tempo;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.units.AsciiDigits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The colour of each Tempo day as far as it is known, and the season counters derived from it. A
 * view {@link #knownAt} hides what was not yet published at a given moment.
 */
public final class TempoCalendar implements ColourOfDay {

  private final NavigableMap<LocalDate, TempoColour> colours;
  private final DayCounts counts;
  private final LocalDate knownThrough;

  private TempoCalendar(
      NavigableMap<LocalDate, TempoColour> colours, DayCounts counts, LocalDate knownThrough) {
    this.colours = colours;
    this.counts = counts;
    this.knownThrough = knownThrough;
  }

  public static TempoCalendar of(Map<LocalDate, TempoColour> colours) {
    var copy = new TreeMap<LocalDate, TempoColour>();
    colours.forEach(
        (day, colour) -> {
          if (colour.isKnown()) {
            copy.put(day, colour);
          }
        });
    return new TempoCalendar(copy, new DayCounts(copy), LocalDate.MAX);
  }

  /** Reads the {@code date,color,...} CSV of tempo-history.csv (header line first). */
  public static TempoCalendar parseCsv(Reader source) {
    var colours = new TreeMap<LocalDate, TempoColour>();
    try (var lines = new BufferedReader(source)) {
      String header = lines.readLine();
      if (header == null || !header.startsWith("date,color")) {
        throw new IllegalArgumentException("expected a header starting with date,color");
      }
      String line;
      int number = 1;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        try {
          colours.put(date(fields[0]), TempoColour.valueOf(fields[1].strip()));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("line " + number + ": " + line, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(colours);
  }

  /**
   * {@link LocalDate#parse} of a date, read by hand in its usual form {@code 2014-09-01}: the
   * formatter was most of the time a one-off replay spent on the 3,650 rows of the colour history.
   * Any other form goes to the formatter, which also says what is wrong.
   */
  static LocalDate date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = AsciiDigits.of(text, 0, 4);
      int month = AsciiDigits.of(text, 5, 7);
      int day = AsciiDigits.of(text, 8, 10);
      if ((year | month | day) >= 0) {
        return LocalDate.of(year, month, day); // checks the ranges, as the formatter does
      }
    }
    return LocalDate.parse(text);
  }

  /**
   * What was known at {@code now} when tomorrow's colour is published at {@code publication} (Paris
   * time) the day before: today's colour always, tomorrow's from that time on.
   */
  public TempoCalendar knownAt(Instant now, LocalTime publication) {
    LocalDateTime local = LocalDateTime.ofInstant(now, PARIS);
    LocalDate through =
        local.toLocalTime().isBefore(publication)
            ? local.toLocalDate()
            : local.toLocalDate().plusDays(1);
    LocalDate today = TempoDays.tempoDayOf(now);
    if (through.isBefore(today)) {
      through = today;
    }
    return new TempoCalendar(
        colours, counts, through.isBefore(knownThrough) ? through : knownThrough);
  }

  @Override
  public TempoColour colourOf(LocalDate tempoDay) {
    if (tempoDay.isAfter(knownThrough)) {
      return TempoColour.UNKNOWN;
    }
    return colours.getOrDefault(tempoDay, TempoColour.UNKNOWN);
  }

  public TempoColour colourAt(Instant t) {
    return colourOf(TempoDays.tempoDayOf(t));
  }

  /** Known days of {@code colour} in {@code season}. */
  public int daysUsed(TempoSeason season, TempoColour colour) {
    LocalDate last = season.lastDay().isBefore(knownThrough) ? season.lastDay() : knownThrough;
    if (last.isBefore(season.firstDay())) {
      return 0;
    }
    return counts.between(season.firstDay(), last, colour);
  }

  /** Quota minus known days; never negative (2019-2020 had 47 whites). */
  public int daysLeft(TempoSeason season, TempoColour colour) {
    return Math.max(0, season.quota(colour) - daysUsed(season, colour));
  }

  /**
   * The colour to plan for when a day is unknown (tempo.md §1.3): red when red is possible and red
   * days are left, else white when possible and left, else blue.
   */
  @Override
  public TempoColour worstCaseColour(LocalDate tempoDay) {
    TempoSeason season = TempoSeason.of(tempoDay);
    if (TempoSeason.isRedAllowed(tempoDay) && daysLeft(season, TempoColour.RED) > 0) {
      return TempoColour.RED;
    }
    if (TempoSeason.isWhiteAllowed(tempoDay) && daysLeft(season, TempoColour.WHITE) > 0) {
      return TempoColour.WHITE;
    }
    return TempoColour.BLUE;
  }

  /** Whether a red day can still come in {@code season} after {@code day}. */
  public boolean redPossibleAfter(LocalDate day) {
    TempoSeason season = TempoSeason.of(day);
    if (daysLeft(season, TempoColour.RED) == 0 || !day.isBefore(season.lastDay())) {
      return false;
    }
    return openDaysFrom(day.plusDays(1), TempoColour.RED) > 0;
  }

  /**
   * Days from {@code day} to the end of its season, both included, that can still take {@code
   * colour}: the rules allow it and their colour is not known. The days the rules allow come from a
   * table; only the known days among them are walked.
   */
  public int openDaysFrom(LocalDate day, TempoColour colour) {
    int open = TempoSeason.allowedDaysFrom(day, colour);
    LocalDate last = TempoSeason.of(day).lastDay();
    LocalDate knownLast = last.isBefore(knownThrough) ? last : knownThrough;
    if (knownLast.isBefore(day)) {
      return open;
    }
    for (LocalDate known : colours.subMap(day, true, knownLast, true).keySet()) {
      boolean allowed =
          switch (colour) {
            case RED -> TempoSeason.isRedAllowed(known);
            case WHITE -> TempoSeason.isWhiteAllowed(known);
            case BLUE -> true;
            case UNKNOWN -> false;
          };
      open -= allowed ? 1 : 0;
    }
    return open;
  }

  /**
   * How many days of each colour the calendar holds up to each of its days, so that a season's
   * count is two look-ups instead of a walk over the season: a plan asks it several times and the
   * replay plans every hour of a season.
   */
  private static final class DayCounts {
    private final long[] epochDays;
    // upTo[colour ordinal][i]: days of that colour among the first i days held
    private final int[][] upTo;

    @SuppressWarnings("EnumOrdinal") // a plain table by colour, built and read only here
    DayCounts(NavigableMap<LocalDate, TempoColour> colours) {
      epochDays = new long[colours.size()];
      upTo = new int[TempoColour.values().length][colours.size() + 1];
      int i = 0;
      for (var day : colours.entrySet()) {
        epochDays[i] = day.getKey().toEpochDay();
        for (int[] counts : upTo) {
          counts[i + 1] = counts[i];
        }
        upTo[day.getValue().ordinal()][i + 1]++;
        i++;
      }
    }

    /** Days of {@code colour} from {@code first} to {@code last}, both included. */
    @SuppressWarnings("EnumOrdinal")
    int between(LocalDate first, LocalDate last, TempoColour colour) {
      int from = firstAtOrAfter(first.toEpochDay());
      int to = firstAtOrAfter(last.toEpochDay() + 1);
      int[] counts = upTo[colour.ordinal()];
      return to > from ? counts[to] - counts[from] : 0;
    }

    private int firstAtOrAfter(long epochDay) {
      int found = Arrays.binarySearch(epochDays, epochDay);
      return found >= 0 ? found : -found - 1;
    }
  }
}
