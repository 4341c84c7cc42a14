package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TempoCalendarTest {

  @Test
  void realSeasonsMeetTheirQuotasExceptTheCovidSeason() throws IOException {
    TempoCalendar calendar;
    try (var in =
        getClass().getResourceAsStream("/tempo/tempo-history-2019-2020-and-2022-2023.csv")) {
      calendar = TempoCalendar.parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    for (int year : new int[] {2019, 2022}) {
      TempoSeason season = new TempoSeason(year);
      int red = calendar.daysUsed(season, TempoColour.RED);
      int white = calendar.daysUsed(season, TempoColour.WHITE);
      int blue = calendar.daysUsed(season, TempoColour.BLUE);
      assertThat(red + white + blue).isEqualTo(season.length());
      if (year == 2019) {
        assertThat(red).isEqualTo(18);
        assertThat(white).isEqualTo(47);
      } else {
        assertThat(red).as(season.toString()).isEqualTo(22);
        assertThat(white).as(season.toString()).isEqualTo(43);
        assertThat(blue).isEqualTo(season.quota(TempoColour.BLUE));
      }
    }
  }

  @Test
  void openDaysAreTheDaysToTheSeasonsEndTheRulesAllowAndNoColourNamesYet() throws IOException {
    TempoCalendar calendar;
    try (var in =
        getClass().getResourceAsStream("/tempo/tempo-history-2019-2020-and-2022-2023.csv")) {
      calendar = TempoCalendar.parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    TempoSeason season = new TempoSeason(2022);
    // every day of the season seen as of its 10:00 and 12:00, and the whole history known
    for (LocalDate day = season.firstDay(); !day.isAfter(season.lastDay()); day = day.plusDays(1)) {
      for (TempoCalendar seen :
          new TempoCalendar[] {
            calendar.knownAt(at(day + "T10:00:00+01:00"), LocalTime.of(11, 0)),
            calendar.knownAt(at(day + "T12:00:00+01:00"), LocalTime.of(11, 0)),
            calendar
          }) {
        int red = 0;
        int white = 0;
        int redAfter = 0;
        for (LocalDate d = day; !d.isAfter(season.lastDay()); d = d.plusDays(1)) {
          boolean open = !seen.colourOf(d).isKnown();
          red += open && TempoSeason.isRedAllowed(d) ? 1 : 0;
          white += open && TempoSeason.isWhiteAllowed(d) ? 1 : 0;
          redAfter += open && TempoSeason.isRedAllowed(d) && d.isAfter(day) ? 1 : 0;
        }
        assertThat(seen.openDaysFrom(day, TempoColour.RED)).as("red from %s", day).isEqualTo(red);
        assertThat(seen.openDaysFrom(day, TempoColour.WHITE))
            .as("white from %s", day)
            .isEqualTo(white);
        assertThat(seen.redPossibleAfter(day))
            .as("red after %s", day)
            .isEqualTo(seen.daysLeft(season, TempoColour.RED) > 0 && redAfter > 0);
      }
    }
    assertThat(TempoCalendar.of(Map.of()).openDaysFrom(LocalDate.of(2024, 3, 29), TempoColour.RED))
        .as("Friday 29 March 2024, the last day red may take in its season")
        .isEqualTo(1);
  }

  @Test
  void readsDatesAsTheIsoParserDoesAndRefusesWhatItRefuses() {
    for (String text : new String[] {"2014-09-01", "2024-02-29", "+12024-02-29", "2024-12-31"}) {
      assertThat(TempoCalendar.date(text)).isEqualTo(LocalDate.parse(text));
    }
    for (String text :
        new String[] {"2023-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "2024-01-0x"}) {
      assertThatThrownBy(() -> TempoCalendar.date(text)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void tomorrowsColourIsHiddenUntilItsPublicationTime() {
    TempoCalendar calendar =
        TempoCalendar.of(
            Map.of(
                LocalDate.of(2023, 2, 28), TempoColour.WHITE,
                LocalDate.of(2023, 3, 1), TempoColour.RED));

    TempoCalendar before = calendar.knownAt(at("2023-02-28T10:59:00+01:00"), LocalTime.of(11, 0));
    TempoCalendar after = calendar.knownAt(at("2023-02-28T11:00:00+01:00"), LocalTime.of(11, 0));

    assertThat(before.colourOf(LocalDate.of(2023, 2, 28))).isEqualTo(TempoColour.WHITE);
    assertThat(before.colourOf(LocalDate.of(2023, 3, 1))).isEqualTo(TempoColour.UNKNOWN);
    assertThat(after.colourOf(LocalDate.of(2023, 3, 1))).isEqualTo(TempoColour.RED);
  }

  @Test
  void anUnknownDayIsPlannedAsItsWorstPossibleColour() {
    TempoCalendar empty = TempoCalendar.of(Map.of());

    assertThat(empty.worstCaseColour(LocalDate.of(2026, 1, 29))).isEqualTo(TempoColour.RED);
    assertThat(empty.worstCaseColour(LocalDate.of(2026, 1, 31))).isEqualTo(TempoColour.WHITE);
    assertThat(empty.worstCaseColour(LocalDate.of(2026, 2, 1))).isEqualTo(TempoColour.BLUE);
    assertThat(empty.worstCaseColour(LocalDate.of(2025, 12, 25))).isEqualTo(TempoColour.WHITE);
    assertThat(empty.worstCaseColour(LocalDate.of(2026, 6, 10))).isEqualTo(TempoColour.WHITE);
  }

  @Test
  void countsDaysUsedAndLeftInTheSeason() {
    TempoCalendar calendar =
        TempoCalendar.of(
            Map.of(
                LocalDate.of(2025, 12, 1), TempoColour.RED,
                LocalDate.of(2025, 12, 2), TempoColour.RED,
                LocalDate.of(2025, 8, 29), TempoColour.RED));
    TempoSeason season = TempoSeason.parse("2025-2026");

    assertThat(calendar.daysUsed(season, TempoColour.RED)).isEqualTo(2);
    assertThat(calendar.daysLeft(season, TempoColour.RED)).isEqualTo(20);
    assertThat(calendar.redPossibleAfter(LocalDate.of(2026, 3, 31))).isFalse();
    assertThat(calendar.redPossibleAfter(LocalDate.of(2026, 3, 1))).isTrue();
  }

  @Test
  void countsOnlyTheSeasonsDaysAndOnlyThoseKnownAtTheTime() {
    TempoCalendar calendar =
        TempoCalendar.of(
            Map.of(
                LocalDate.of(2025, 8, 31), TempoColour.WHITE,
                LocalDate.of(2025, 9, 1), TempoColour.WHITE,
                LocalDate.of(2026, 1, 12), TempoColour.WHITE,
                LocalDate.of(2026, 1, 13), TempoColour.RED,
                LocalDate.of(2026, 8, 31), TempoColour.WHITE,
                LocalDate.of(2026, 9, 1), TempoColour.WHITE));
    TempoSeason season = TempoSeason.parse("2025-2026");
    TempoCalendar morning = calendar.knownAt(at("2026-01-12T10:00:00+01:00"), LocalTime.of(11, 0));

    assertThat(calendar.daysUsed(season, TempoColour.WHITE)).isEqualTo(3);
    assertThat(calendar.daysUsed(season, TempoColour.RED)).isEqualTo(1);
    assertThat(morning.daysUsed(season, TempoColour.WHITE)).isEqualTo(2);
    assertThat(morning.daysUsed(season, TempoColour.RED)).isZero();
    assertThat(morning.daysUsed(TempoSeason.parse("2026-2027"), TempoColour.WHITE)).isZero();
    assertThat(calendar.daysUsed(TempoSeason.parse("2030-2031"), TempoColour.WHITE)).isZero();
    assertThat(calendar.daysUsed(season, TempoColour.UNKNOWN)).isZero();
  }

  private static java.time.Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
