package fr.marstek.automation.tariff.tempo;

import static fr.marstek.automation.units.Zone.PARIS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The colour of each Tempo day as far as it is known, and the season counters derived from it. A
 * view {@link #knownAt} hides what was not yet published at a given moment.
 */
public final class TempoCalendar implements ColourOfDay {

  private final NavigableMap<LocalDate, TempoColour> colours;
  private final LocalDate knownThrough;

  private TempoCalendar(NavigableMap<LocalDate, TempoColour> colours, LocalDate knownThrough) {
    this.colours = colours;
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
    return new TempoCalendar(copy, LocalDate.MAX);
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
          colours.put(LocalDate.parse(fields[0]), TempoColour.valueOf(fields[1].strip()));
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
    return new TempoCalendar(colours, through.isBefore(knownThrough) ? through : knownThrough);
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
    int used = 0;
    for (TempoColour c : colours.subMap(season.firstDay(), true, last, true).values()) {
      if (c == colour) {
        used++;
      }
    }
    return used;
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
    if (daysLeft(season, TempoColour.RED) == 0) {
      return false;
    }
    for (LocalDate d = day.plusDays(1); !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
      if (TempoSeason.isRedAllowed(d) && !colourOf(d).isKnown()) {
        return true;
      }
    }
    return false;
  }
}
