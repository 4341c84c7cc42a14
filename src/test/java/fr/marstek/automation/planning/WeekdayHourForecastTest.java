package fr.marstek.automation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.units.Zone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WeekdayHourForecastTest {

  @Test
  void allThreeAtOnceAreTheThreeAskedOneByOne() {
    Instant now = at("2026-03-31T12:00:00+02:00");
    // uneven values, a missing week and the change to summer time on 29 March inside the weeks read
    LoadHistory history =
        past ->
            past.getEpochSecond() % 5 == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(300 + (past.getEpochSecond() / 3600) % 997 * 3.7);
    var forecast = new WeekdayHourForecast(history, now, 4);

    for (Instant hour = now; hour.isBefore(now.plusSeconds(3 * 24 * 3600)); ) {
      double[] all = forecast.all(hour, 3000);

      assertThat(all[0]).isEqualTo(forecast.watts(hour).orElseThrow());
      assertThat(all[1]).isEqualTo(forecast.typicalWatts(hour).orElseThrow());
      assertThat(all[2]).isEqualTo(forecast.roomWatts(hour, 3000).orElseThrow());
      hour = hour.plusSeconds(3600);
    }
    var fallback = new WeekdayHourForecast(h -> OptionalDouble.empty(), now, 4);
    assertThat(fallback.all(at("2026-03-31T19:00:00+02:00"), 3000))
        .containsExactly(1200, 1200, 1800);
  }

  @Test
  void readsTheSameLocalHourWeeksBackAcrossEveryClockChange() {
    // spring and autumn changes within four weeks of the hours forecast, with the autumn hour that
    // comes twice (02:00 at +02:00, then at +01:00) among them
    List<Instant> asked = new ArrayList<>();
    LoadHistory history =
        past -> {
          asked.add(past);
          return OptionalDouble.of(500);
        };
    var forecast = new WeekdayHourForecast(history, at("2030-01-01T00:00:00+01:00"), 4);
    for (String from : new String[] {"2024-03-30T00:00:00+01:00", "2024-10-26T00:00:00+02:00"}) {
      for (int week = 0; week <= 4; week++) {
        Instant first = at(from).plusSeconds(week * 7 * 24 * 3600L);
        for (Instant hour = first;
            hour.isBefore(first.plusSeconds(3 * 24 * 3600));
            hour = hour.plusSeconds(3600)) {
          asked.clear();
          forecast.watts(hour);

          List<Instant> expected = new ArrayList<>();
          for (int k = 1; k <= 4; k++) {
            expected.add(hour.atZone(Zone.PARIS).minusWeeks(k).toInstant());
          }
          assertThat(asked).as(hour.toString()).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theRecentLevelIsTheMeanOfTheLastDayMeasuredBeforeNow() {
    Instant now = at("2026-02-27T22:30:00+01:00");
    Instant dayBefore = at("2026-02-26T22:00:00+01:00");
    // 250 W over the last day, 2 kW before it and 99 kW from the hour now is in
    LoadHistory history =
        hour ->
            OptionalDouble.of(
                !hour.isBefore(at("2026-02-27T22:00:00+01:00"))
                    ? 99_000
                    : hour.isBefore(dayBefore) ? 2000 : 250);
    // only the 11 hours from 11:00 to 22:00 measured: too few to say
    LoadHistory half =
        hour ->
            hour.isBefore(at("2026-02-27T11:00:00+01:00"))
                ? OptionalDouble.empty()
                : history.watts(hour);

    assertThat(new WeekdayHourForecast(history, now, 4).recentWatts()).hasValue(250);
    assertThat(new WeekdayHourForecast(half, now, 4).recentWatts()).isEmpty();
  }

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
