package fr.marstek.automation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LoadFilesTest {

  @Test
  void readsHourlyLocalRowsAsParisWallClockHours() {
    String csv =
        """
        timestamp_local,avg_power_w,valid_minutes,kitchen_wh,laundry_wh,waterheater_ac_wh
        2008-01-15T18:00:00,1500,60,0,0,0
        2008-07-15T18:00:00,700,60,0,0,0
        """;

    LoadSeries load = LoadFiles.read(new StringReader(csv));

    assertThat(load.watts(at("2008-01-15T18:00:00+01:00"))).hasValue(1500);
    assertThat(load.watts(at("2008-07-15T18:00:00+02:00"))).hasValue(700);
    assertThat(load.watts(at("2008-01-15T19:00:00+01:00"))).isEmpty();
  }

  @Test
  void readsTimestampsAsTheIsoParserDoesAndRefusesWhatItRefuses() {
    for (String text :
        new String[] {
          "2008-01-15T18:00:00",
          "2008-12-31T23:00:00",
          "2008-02-29T00:00:00",
          "2008-01-15T18:00",
          "2008-01-15T18:00:00.000",
          "+12008-01-15T18:00:00"
        }) {
      assertThat(LoadFiles.localHour(text)).isEqualTo(LocalDateTime.parse(text));
    }
    for (String text :
        new String[] {
          "2007-02-29T00:00:00",
          "2008-13-01T00:00:00",
          "2008-01-15T24:00:00",
          "2008-01-15 18:00:00",
          "2008-01-1xT18:00:00",
          "2008-01-15T18:60:00"
        }) {
      assertThatThrownBy(() -> LoadFiles.localHour(text)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> LocalDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void readsRowsOutsideTheUsualFormTheGeneralWayAndALaterRowOfAnHourWins() {
    String csv =
        "timestamp_local,avg_power_w\r\n"
            + "2008-01-15T18:00:00,1500\r\n"
            + "\r\n"
            + "  \n"
            + "2008-01-15T19:00, 1200.5 \r\n"
            + "2008-01-15T20:00:00,900,60,0\n"
            + "2008-01-15T18:00:00,1600\r"
            + "2008-01-15T21:00:00,0";

    LoadSeries load = LoadFiles.read(new StringReader(csv));

    assertThat(load.watts(at("2008-01-15T18:00:00+01:00"))).hasValue(1600);
    assertThat(load.watts(at("2008-01-15T19:00:00+01:00"))).hasValue(1200.5);
    assertThat(load.watts(at("2008-01-15T20:00:00+01:00"))).hasValue(900);
    assertThat(load.watts(at("2008-01-15T21:00:00+01:00"))).hasValue(0);
    assertThat(load.watts(at("2008-01-15T22:00:00+01:00"))).isEmpty();
  }

  @Test
  void refusesRowsInTheUsualFormThatAreWrongAndSaysWhichLine() {
    for (String row :
        new String[] {
          "2007-02-29T00:00:00,100",
          "2008-01-15T24:00:00,100",
          "2008-01-15T18:30:00,100",
          "2008-01-15T18:00:00,1000000",
          "2008-01-15T18:00:00,-5",
          "2008-01-15T18:00:00,"
        }) {
      assertThatThrownBy(
              () ->
                  LoadFiles.read(
                      new StringReader(
                          "timestamp_local,avg_power_w\n2008-01-15T17:00:00,1\n" + row + "\n")))
          .as(row)
          .hasMessageContaining("line 3");
    }
  }

  @Test
  void readsIntervalsOfAnyLengthAndCountsOnlyFullyCoveredHours() {
    String csv =
        """
        interval_start,interval_end,avg_power_w
        2026-01-27T10:00:00+01:00,2026-01-27T10:15:00+01:00,400
        2026-01-27T10:15:00+01:00,2026-01-27T10:45:00+01:00,800
        2026-01-27T10:45:00+01:00,2026-01-27T12:00:00+01:00,1200
        2026-01-27T13:00:00+01:00,2026-01-27T13:30:00+01:00,1000
        """;

    LoadSeries load = LoadFiles.read(new StringReader(csv));

    assertThat(load.watts(at("2026-01-27T10:00:00+01:00"))).hasValue(100 + 400 + 300);
    assertThat(load.watts(at("2026-01-27T11:00:00+01:00"))).hasValue(1200);
    assertThat(load.watts(at("2026-01-27T12:00:00+01:00"))).isEmpty();
    assertThat(load.watts(at("2026-01-27T13:00:00+01:00"))).isEmpty();
  }

  @Test
  void refusesAnUnknownHeaderAndSaysWhichLineIsWrong() {
    assertThatThrownBy(() -> LoadFiles.read(new StringReader("time,watts\n")))
        .hasMessageContaining("unknown load header");
    assertThatThrownBy(
            () ->
                LoadFiles.read(
                    new StringReader("timestamp_local,avg_power_w\n2008-01-01T00:00:00,abc\n")))
        .hasMessageContaining("line 2");
  }

  @Test
  void alignsOneLoadYearOntoAnotherSeasonKeepingWeekdaysAndStayingInTheYear() {
    LocalDate tuesday = LocalDate.of(2022, 11, 15);
    LocalDate newYear = LocalDate.of(2023, 1, 1);
    LocalDate lastDay = LocalDate.of(2022, 12, 31);

    LocalDate fromTuesday = WeekdayAlignment.sourceDate(tuesday, 2008);
    LocalDate fromNewYear = WeekdayAlignment.sourceDate(newYear, 2008);
    LocalDate fromLastDay = WeekdayAlignment.sourceDate(lastDay, 2008);

    assertThat(fromTuesday).isEqualTo(LocalDate.of(2008, 11, 18));
    assertThat(fromNewYear.getDayOfWeek()).isEqualTo(newYear.getDayOfWeek());
    assertThat(fromNewYear.getYear()).isEqualTo(2008);
    assertThat(fromLastDay.getDayOfWeek()).isEqualTo(lastDay.getDayOfWeek());
    assertThat(fromLastDay.getYear()).isEqualTo(2008);
  }

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
