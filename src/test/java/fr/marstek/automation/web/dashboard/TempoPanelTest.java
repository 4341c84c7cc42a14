package fr.marstek.automation.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.tempo.ColourCache;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoTariff;
import fr.marstek.automation.testing.MutableClock;
import fr.marstek.automation.web.dashboard.FleetSummary.Alert;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Now page's Tempo block and its alerts, from the colours the service knows. */
class TempoPanelTest {

  /** The colours the history store would hold. */
  private static final class StoredColours implements ColourCache {
    final Map<LocalDate, TempoColour> days = new TreeMap<>();

    @Override
    public Optional<TempoColour> load(LocalDate tempoDay) {
      return Optional.ofNullable(days.get(tempoDay));
    }

    @Override
    public void store(LocalDate tempoDay, TempoColour colour, String source) {
      days.put(tempoDay, colour);
    }

    @Override
    public Map<LocalDate, TempoColour> loadBetween(LocalDate first, LocalDate last) {
      return new TreeMap<>(
          ((TreeMap<LocalDate, TempoColour>) days).subMap(first, true, last, true));
    }
  }

  private final StoredColours stored = new StoredColours();

  private TempoPanel at(String parisTime) {
    MutableClock clock = MutableClock.atParis(parisTime);
    var colours = new TempoColours(List.of(), stored, clock, true);
    return TempoPanel.of(
        colours,
        TempoPrices.defaults(),
        new TempoTariff(colours, TempoPrices.defaults()),
        clock.instant());
  }

  private static List<String> keys(TempoPanel panel) {
    return panel.alerts().stream().map(Alert::key).toList();
  }

  /** Every day from 1 September to {@code last} blue, but the days given. */
  private void seasonBlueThrough(LocalDate last, Map<LocalDate, TempoColour> others) {
    for (LocalDate d = LocalDate.of(2026, 9, 1); !d.isAfter(last); d = d.plusDays(1)) {
      stored.days.put(d, others.getOrDefault(d, TempoColour.BLUE));
    }
  }

  @Test
  void showsTodayAndTomorrowThePeriodItsPriceAndTheDaysLeft() {
    seasonBlueThrough(
        LocalDate.of(2026, 12, 2),
        Map.of(
            LocalDate.of(2026, 12, 1), TempoColour.RED,
            LocalDate.of(2026, 12, 2), TempoColour.WHITE));
    stored.days.put(LocalDate.of(2026, 12, 3), TempoColour.RED);

    TempoPanel panel = at("2026-12-02T15:00");

    assertThat(panel.todayColour()).isEqualTo("WHITE");
    assertThat(panel.tomorrowColour()).isEqualTo("RED");
    assertThat(panel.peak()).isTrue();
    assertThat(panel.periodEnd()).isEqualTo(MutableClock.atParis("2026-12-02T22:00").instant());
    assertThat(panel.priceEurPerKwh())
        .isEqualTo(
            TempoPrices.defaults()
                .gridOn(LocalDate.of(2026, 12, 2))
                .orElseThrow()
                .price(TempoColour.WHITE, false)
                .eurPerKwh());
    assertThat(panel.season()).isEqualTo("2026-2027");
    assertThat(panel.exactCounts()).isTrue();
    assertThat(panel.redLeft()).isEqualTo(21);
    assertThat(panel.whiteLeft()).isEqualTo(42);
    assertThat(panel.blueLeft()).isEqualTo(300 - 91);
    assertThat(panel.alerts()).isEmpty();
  }

  @Test
  void theNightAfterMidnightIsStillOffPeakOfTheSameTempoDay() {
    seasonBlueThrough(LocalDate.of(2026, 12, 3), Map.of());

    TempoPanel panel = at("2026-12-03T02:00");

    assertThat(panel.today()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(panel.peak()).isFalse();
    assertThat(panel.periodEnd()).isEqualTo(MutableClock.atParis("2026-12-03T06:00").instant());
  }

  @Test
  void anUnknownTodayHasNoPriceAndAnAlertWithTheReason() {
    TempoPanel panel = at("2026-12-02T09:00");

    assertThat(panel.todayColour()).isEqualTo("UNKNOWN");
    assertThat(panel.priceEurPerKwh()).isNull();
    assertThat(panel.exactCounts()).isFalse();
    assertThat(keys(panel)).containsExactly("alert.todayUnknown");
    assertThat(panel.alerts().getFirst().detail()).contains("no Tempo provider");
  }

  @Test
  void anUnknownTomorrowIsNoAlertInTheMorningButIsOneAfterPublicationTime() {
    seasonBlueThrough(LocalDate.of(2026, 12, 2), Map.of());

    assertThat(keys(at("2026-12-02T10:00"))).isEmpty();
    assertThat(keys(at("2026-12-02T11:30"))).containsExactly("alert.tomorrowMayBeRed");
    assertThat(keys(at("2026-12-03T01:00"))).containsExactly("alert.tomorrowMayBeRed");
  }

  @Test
  void anUnknownTomorrowThatCannotBeRedIsAPlainAlert() {
    // Saturday 5 December 2026: red days are Monday to Friday only
    seasonBlueThrough(LocalDate.of(2026, 12, 4), Map.of());

    assertThat(keys(at("2026-12-04T18:00"))).containsExactly("alert.tomorrowUnknown");
  }

  @Test
  void withTempoTurnedOffThereIsNothingToShowOrToAlert() {
    MutableClock clock = MutableClock.atParis("2026-12-02T15:00");
    var off = new TempoColours(List.of(), stored, clock, false);

    TempoPanel panel =
        TempoPanel.of(
            off,
            TempoPrices.defaults(),
            new TempoTariff(off, TempoPrices.defaults()),
            clock.instant());

    assertThat(panel.enabled()).isFalse();
    assertThat(panel.alerts()).isEmpty();
  }
}
