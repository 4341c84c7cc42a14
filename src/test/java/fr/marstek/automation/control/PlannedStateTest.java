package fr.marstek.automation.control;

import static fr.marstek.automation.units.PhraseFormat.english;
import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.tempo.TempoCalendar;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Control follows the Tempo plan: the same planner the replay benchmark measures. */
class PlannedStateTest {

  private static final BatteryId ONE = BatteryId.of(1);
  private final ControlSettings settings = ControlSettings.from(new Variables(Map.of()));

  private static Instant paris(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
  }

  private PlanKeeper keeper(Map<LocalDate, TempoColour> colours) {
    return new PlanKeeper(
        Planner.of(Strategy.TEMPO),
        now -> TempoCalendar.of(colours),
        TempoPrices.defaults(),
        hour -> OptionalDouble.of(900),
        settings);
  }

  @Test
  void theNightBeforeARedDayChargesToFullForThePlan() {
    var now = paris("2026-12-01T23:00:00");
    var keeper =
        keeper(
            Map.of(
                LocalDate.of(2026, 12, 1), TempoColour.BLUE,
                LocalDate.of(2026, 12, 2), TempoColour.RED));

    var plan = keeper.planFor(now, Map.of(ONE, Percent.of(15)));
    var state = PlannedState.at(plan, ONE, now, settings.limitsFor(ONE)).orElseThrow();

    assertThat(state.cause()).isEqualTo(Cause.PLAN);
    assertThat(state.intent()).isInstanceOf(Intent.GridCharge.class);
    assertThat(((Intent.GridCharge) state.intent()).upTo().value()).isGreaterThan(90);
    assertThat(english(state.reason())).contains("Red day tomorrow");
  }

  @Test
  void aRedPeakHourCoversTheHouse() {
    var now = paris("2026-12-02T18:00:00");
    var keeper = keeper(Map.of(LocalDate.of(2026, 12, 2), TempoColour.RED));

    var plan = keeper.planFor(now, Map.of(ONE, Percent.of(90)));
    var state = PlannedState.at(plan, ONE, now, settings.limitsFor(ONE)).orElseThrow();

    assertThat(state.intent()).isInstanceOf(Intent.SelfConsumption.class);
    assertThat(state.cause()).isEqualTo(Cause.PLAN);
  }

  @Test
  void thePlanIsKeptForFiveMinutesThenMadeAgain() {
    var keeper = keeper(Map.of());
    var now = paris("2026-12-01T12:00:00");

    var first = keeper.planFor(now, Map.of(ONE, Percent.of(50)));
    var same = keeper.planFor(now.plusSeconds(60), Map.of(ONE, Percent.of(50)));
    var fresh = keeper.planFor(now.plusSeconds(301), Map.of(ONE, Percent.of(50)));

    var withASecondBattery =
        keeper.planFor(
            now.plusSeconds(302), Map.of(ONE, Percent.of(50), BatteryId.of(2), Percent.of(70)));

    assertThat(same).isSameAs(first);
    assertThat(fresh).isNotSameAs(first);
    assertThat(withASecondBattery.batteries()).hasSize(2);
  }
}
