package fr.marstek.automation.simulator;

import static fr.marstek.automation.units.Zone.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.marstek.automation.units.Watts;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled real profile, looked up by Paris (day-of-year, hour). */
class HouseholdLoadTest {

  private static java.time.Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  @ParameterizedTest(name = "{0} reads the 2009 row for the same day and hour: {1} W")
  @CsvSource({
    "2009-01-01T00:30, 535",
    "2026-01-01T01:59, 540",
    "2009-12-31T23:00, 1690",
    "2028-12-31T23:00, 1690",
    "2026-07-14T19:10, 1122"
  })
  void anyDateMapsOntoTheSameDayAndHourOf2009(String local, double watts) {
    assertThat(HouseholdLoad.realProfile().at(paris(local))).isEqualTo(Watts.of(watts));
  }

  @Test
  void aScaledProfileIsAShareOfTheHouse() {
    var instant = paris("2009-01-01T00:00");

    assertThat(HouseholdLoad.realProfile(0.5).at(instant)).isEqualTo(Watts.of(267.5));
  }

  @Test
  void aConstantLoadIsTheSameAtEveryHourAndNeverNegative() {
    assertThat(HouseholdLoad.constant(Watts.of(250)).at(paris("2026-03-29T02:30")))
        .isEqualTo(Watts.of(250));
    assertThatThrownBy(() -> HouseholdLoad.constant(Watts.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
