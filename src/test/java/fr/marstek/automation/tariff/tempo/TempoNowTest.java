package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Tempo now" prices and bounds the period through the tariff, as every view shows it. */
class TempoNowTest {

  private final Map<LocalDate, TempoColour> stored = new TreeMap<>();

  private TempoNow at(String isoOffsetTime) {
    Instant now = OffsetDateTime.parse(isoOffsetTime).toInstant();
    var colours = new TempoColours(List.of(), new Stored(), new MutableClock(now), true);
    TempoPrices prices = TempoPrices.defaults();
    return TempoNow.of(colours, prices, new TempoTariff(colours, prices), now);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-28T06:00:00+01:00, false, 0.6468, 2026-01-28T06:00:00+01:00, 2026-01-28T22:00:00+01:00",
    "2026-01-28T21:59:00+01:00, false, 0.6468, 2026-01-28T06:00:00+01:00, 2026-01-28T22:00:00+01:00",
    "2026-01-28T22:00:00+01:00, true, 0.1460, 2026-01-28T22:00:00+01:00, 2026-01-29T06:00:00+01:00",
    "2026-01-29T05:59:00+01:00, true, 0.1460, 2026-01-28T22:00:00+01:00, 2026-01-29T06:00:00+01:00",
  })
  void theKnownColourPricesThePeriodNowBetweenSixAndTenOClock(
      String at, boolean offPeak, double eurPerKwh, String start, String end) {
    stored.put(LocalDate.of(2026, 1, 28), TempoColour.RED);

    TempoNow now = at(at);

    assertThat(now.todayColour()).isEqualTo(TempoColour.RED);
    assertThat(now.offPeak()).isEqualTo(offPeak);
    assertThat(now.price()).contains(Price.of(eurPerKwh));
    assertThat(now.periodStart()).isEqualTo(OffsetDateTime.parse(start).toInstant());
    assertThat(now.periodEnd()).isEqualTo(OffsetDateTime.parse(end).toInstant());
  }

  @Test
  void todayUnknownHasNoPriceNeverTheBlueOneButStillItsHours() {
    stored.put(LocalDate.of(2026, 1, 27), TempoColour.BLUE);
    stored.put(LocalDate.of(2026, 1, 29), TempoColour.BLUE);

    TempoNow now = at("2026-01-28T12:00:00+01:00");

    assertThat(now.todayColour()).isEqualTo(TempoColour.UNKNOWN);
    assertThat(now.price()).isEmpty();
    assertThat(now.priceEurPerKwhOrNull()).isNull();
    assertThat(now.grid()).isPresent(); // the grid is known, the colour is not
    assertThat(now.offPeak()).isFalse();
    assertThat(now.periodStart()).isEqualTo(Instant.parse("2026-01-28T05:00:00Z"));
    assertThat(now.periodEnd()).isEqualTo(Instant.parse("2026-01-28T21:00:00Z"));
  }

  /** The nights the clocks change: 7 and 9 hours of off-peak, priced or not. */
  @ParameterizedTest
  @CsvSource({
    "2026-03-28, 2026-03-29T01:30:00+01:00, 2026-03-28T22:00:00+01:00, 2026-03-29T06:00:00+02:00",
    "2026-03-28, 2026-03-29T05:59:00+02:00, 2026-03-28T22:00:00+01:00, 2026-03-29T06:00:00+02:00",
    "2026-03-29, 2026-03-29T06:00:00+02:00, 2026-03-29T06:00:00+02:00, 2026-03-29T22:00:00+02:00",
    "2026-10-24, 2026-10-25T02:30:00+02:00, 2026-10-24T22:00:00+02:00, 2026-10-25T06:00:00+01:00",
    "2026-10-24, 2026-10-25T02:30:00+01:00, 2026-10-24T22:00:00+02:00, 2026-10-25T06:00:00+01:00",
    "2026-10-25, 2026-10-25T06:00:00+01:00, 2026-10-25T06:00:00+01:00, 2026-10-25T22:00:00+01:00",
  })
  void theBoundsFollowParisTimeAcrossAClockChangeWhetherTheColourIsKnownOrNot(
      LocalDate tempoDay, String at, String start, String end) {
    TempoNow unknown = at(at);
    stored.put(tempoDay, TempoColour.WHITE);
    TempoNow known = at(at);

    for (TempoNow now : List.of(unknown, known)) {
      assertThat(now.periodStart()).isEqualTo(OffsetDateTime.parse(start).toInstant());
      assertThat(now.periodEnd()).isEqualTo(OffsetDateTime.parse(end).toInstant());
    }
    assertThat(unknown.price()).isEmpty();
    assertThat(known.price()).isPresent();
  }

  private final class Stored implements ColourCache {
    @Override
    public Optional<TempoColour> load(LocalDate tempoDay) {
      return Optional.ofNullable(stored.get(tempoDay));
    }

    @Override
    public void store(LocalDate tempoDay, TempoColour colour, String source) {
      stored.put(tempoDay, colour);
    }

    @Override
    public Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last) {
      return new TreeMap<>(
          ((TreeMap<LocalDate, TempoColour>) stored).subMap(first, true, last, true));
    }
  }
}
