package fr.marstek.automation.planning;

import static fr.marstek.automation.units.PhraseFormat.english;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.peakoffpeak.PeakOffPeakTariff;
import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The planner reads prices and periods through the tariff port alone: a plain HP/HC contract. */
class PlannerOnAnotherTariffTest {

  private static final Instant EVENING =
      OffsetDateTime.parse("2026-01-27T22:00:00+01:00").toInstant();
  private static final Instant MORNING =
      OffsetDateTime.parse("2026-01-28T06:00:00+01:00").toInstant();

  @Test
  void aPeakDearEnoughOverTheNightAfterLossesIsChargedForOvernight() {
    Plan plan = Planner.of(Strategy.TEMPO).plan(input(0.25, 0.15));

    assertThat(plan.socAt("b1", MORNING).orElseThrow().value()).isGreaterThan(99.5);
    assertThat(english(plan.slotAt("b1", EVENING).orElseThrow().reason()))
        .contains("Ordinary day tomorrow: peak 0.2500 €/kWh vs off-peak 0.1500 €/kWh: charging");
  }

  @Test
  void aPeakThatDoesNotPayBackTheRoundTripIsNotChargedFor() {
    // 0.15 over the Venus E's 88 % round trip: 0.170 a kWh back out, more than the 0.16 peak
    Plan plan = Planner.of(Strategy.TEMPO).plan(input(0.16, 0.15));

    assertThat(plan.socAt("b1", MORNING).orElseThrow().value()).isCloseTo(11, within(0.5));
    assertThat(english(plan.slotAt("b1", EVENING).orElseThrow().reason()))
        .contains("charging does not pay");
  }

  @Test
  void theFixedScheduleFollowsTheContractsHours() {
    var tariff = new PeakOffPeakTariff(23, 7, Price.of(0.25), Price.of(0.15));
    Instant tenPm = EVENING;
    Instant elevenPm = EVENING.plusSeconds(3600);

    Action atTen =
        Planner.of(Strategy.FIXED)
            .plan(input(tariff, tenPm, 60))
            .batteries()
            .getFirst()
            .slots()
            .getFirst()
            .action();
    Action atEleven =
        Planner.of(Strategy.FIXED)
            .plan(input(tariff, elevenPm, 60))
            .batteries()
            .getFirst()
            .slots()
            .getFirst()
            .action();

    assertThat(atTen).isInstanceOf(Action.CoverHouse.class);
    assertThat(atEleven).isInstanceOf(Action.ChargeFromGrid.class);
  }

  private static PlanningInput input(double peak, double offPeak) {
    return input(new PeakOffPeakTariff(22, 6, Price.of(peak), Price.of(offPeak)), EVENING, 11);
  }

  private static PlanningInput input(PeakOffPeakTariff tariff, Instant now, double soc) {
    return new PlanningInput(
        now,
        List.of(new BatteryState("b1", Percent.of(soc), BatteryLimits.venusE())),
        tariff,
        hour -> OptionalDouble.of(1000),
        0);
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
