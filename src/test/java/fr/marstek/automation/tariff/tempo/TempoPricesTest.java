package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.config.Variables;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TempoPricesTest {

  @Test
  void aConfiguredGridIsAddedToTheDefaultsAndAppliesFromItsDate() {
    TempoPrices prices =
        TempoPrices.parse(
            "2027-08-01:0.1325,0.1612,0.1499,0.1871,0.1575,0.7060;"
                + " 2027-02-01: 0.14, 0.17, 0.155, 0.19, 0.16, 0.75 ;");

    assertThat(prices.grids()).hasSize(TempoPrices.defaults().grids().size() + 2);
    TempoPriceGrid feb2027 = prices.gridOn(LocalDate.of(2027, 3, 1)).orElseThrow();
    assertThat(feb2027.validFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(feb2027.price(TempoColour.WHITE, true).eurPerKwh()).isEqualTo(0.155);
    assertThat(feb2027.price(TempoColour.RED, false).eurPerKwh()).isEqualTo(0.75);
    assertThat(prices.gridOn(LocalDate.of(2027, 1, 31)).orElseThrow().validFrom())
        .isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(prices.gridOn(LocalDate.of(2027, 9, 1)).orElseThrow().validFrom())
        .isEqualTo(LocalDate.of(2027, 8, 1));
    assertThat(prices.gridOn(LocalDate.of(2025, 9, 1)))
        .isEqualTo(TempoPrices.defaults().gridOn(LocalDate.of(2025, 9, 1)));
  }

  @Test
  void theBuiltInGridsEndWithTheOneOfAugust2026() {
    TempoPriceGrid newest = TempoPrices.defaults().newest();

    assertThat(newest.validFrom()).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(newest.price(TempoColour.BLUE, true).eurPerKwh()).isEqualTo(0.1356);
    assertThat(newest.price(TempoColour.BLUE, false).eurPerKwh()).isEqualTo(0.1654);
    assertThat(newest.price(TempoColour.WHITE, true).eurPerKwh()).isEqualTo(0.1536);
    assertThat(newest.price(TempoColour.WHITE, false).eurPerKwh()).isEqualTo(0.1921);
    assertThat(newest.price(TempoColour.RED, true).eurPerKwh()).isEqualTo(0.1615);
    assertThat(newest.price(TempoColour.RED, false).eurPerKwh()).isEqualTo(0.7295);
  }

  @Test
  void theNewestGridIsOutdatedOnceItIsMoreThanSixMonthsOld() {
    TempoPrices builtIn = TempoPrices.defaults();

    assertThat(builtIn.isOutdatedOn(LocalDate.of(2027, 2, 1))).isFalse();
    assertThat(builtIn.isOutdatedOn(LocalDate.of(2027, 2, 2))).isTrue();
    assertThat(
            TempoPrices.parse("2027-02-01:0.14,0.17,0.155,0.19,0.16,0.75")
                .isOutdatedOn(LocalDate.of(2027, 2, 2)))
        .isFalse();
  }

  @Test
  void aConfiguredGridFromTheSameDateAsADefaultReplacesIt() {
    TempoPrices prices = TempoPrices.parse("2026-02-01:0.10,0.20,0.11,0.21,0.12,0.90");

    assertThat(prices.grids()).hasSameSizeAs(TempoPrices.defaults().grids());
    assertThat(prices.gridOn(LocalDate.of(2026, 5, 1)).orElseThrow().redPeak().eurPerKwh())
        .isEqualTo(0.90);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-02-30:0.1,0.2,0.1,0.2,0.1,0.2 | grid 1 '2026-02-30:0.1,0.2,0.1,0.2,0.1,0.2':"
            + " '2026-02-30' is not a date YYYY-MM-DD",
        "2026-08-01 0.1,0.2 | grid 1 '2026-08-01 0.1,0.2': no ':' between the date and the prices",
        "2026-08-01:0.1,0.2,0.1,0.2,0.1,0.2;2027-02-01:0.1,0.2,0.1,0.2,0.1 | grid 2"
            + " '2027-02-01:0.1,0.2,0.1,0.2,0.1': 5 prices instead of six, separated by ','",
        "2026-08-01:0.1,0.2,-0.1,0.2,0.1,0.2 | grid 1 '2026-08-01:0.1,0.2,-0.1,0.2,0.1,0.2':"
            + " white off-peak -0.1 is negative",
        "2026-08-01:0.1,0.2,0.1,0.2,0.1,abc | grid 1 '2026-08-01:0.1,0.2,0.1,0.2,0.1,abc':"
            + " red peak 'abc' is not a number such as 0.1325",
        "2026-08-01:0.1,0.2,0.1,0.2,0.7,0.15 | grid 1 '2026-08-01:0.1,0.2,0.1,0.2,0.7,0.15':"
            + " red peak 0.15 is below red off-peak 0.7: give off-peak first, then peak",
        "2026-08-01:13.25,16.12,0.1,0.2,0.1,0.2 | grid 1 '2026-08-01:13.25,16.12,0.1,0.2,0.1,0.2':"
            + " blue off-peak 13.25 is in EUR per kWh, not cents (0.1325)",
        "2026-08-01:0.1,0.2,0.1,0.2,0.1,0.2;2026-08-01:0.1,0.2,0.1,0.2,0.1,0.3 | grid 2"
            + " '2026-08-01:0.1,0.2,0.1,0.2,0.1,0.3': a second grid from 2026-08-01; keep only one",
      })
  void aWrongGridIsNamedWithWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> TempoPrices.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void withoutTheVariableThePricesAreTheSpecDefaults() {
    var variables = new Variables(Map.of());

    assertThat(TempoPrices.from(variables)).isEqualTo(TempoPrices.defaults());
    assertThat(variables.problems()).isEmpty();
  }

  @Test
  void aWrongVariableIsOneProblemSayingTheFormatAndTheWrongGrid() {
    var variables =
        new Variables(Map.of("TEMPO_PRICES", "2026-08-01:0.1325,0.1612,0.1499,0.1871,0.1575"));

    TempoPrices prices = TempoPrices.from(variables);

    assertThat(prices).isEqualTo(TempoPrices.defaults());
    assertThat(variables.problems())
        .singleElement()
        .asString()
        .startsWith("TEMPO_PRICES=2026-08-01:0.1325,0.1612,0.1499,0.1871,0.1575: expected")
        .contains("blue off-peak, blue peak, white off-peak, white peak, red off-peak, red peak")
        .endsWith(
            "grid 1 '2026-08-01:0.1325,0.1612,0.1499,0.1871,0.1575': 5 prices instead of six,"
                + " separated by ','");
  }

  @Test
  void aGoodVariableGivesTheMergedGrids() {
    var variables =
        new Variables(Map.of("TEMPO_PRICES", "2026-08-01:0.13,0.16,0.15,0.19,0.16,0.71"));

    TempoPrices prices = TempoPrices.from(variables);

    assertThat(variables.problems()).isEmpty();
    assertThat(prices.gridOn(LocalDate.of(2026, 12, 1)).orElseThrow().redPeak().eurPerKwh())
        .isEqualTo(0.71);
  }
}
