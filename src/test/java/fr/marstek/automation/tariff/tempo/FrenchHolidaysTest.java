package fr.marstek.automation.tariff.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchHolidaysTest {

  @Test
  void findsTheMovableHolidaysAtTheEdgesOfWhereEasterCanFall() {
    // Easter 2285 is on 22 March, the earliest it can be; Easter 2038 on 25 April, the latest
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2285, 3, 23))).isTrue(); // Easter Monday
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2285, 4, 30))).isTrue(); // Ascension
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2038, 4, 26))).isTrue(); // Easter Monday
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2038, 6, 3))).isTrue(); // Ascension
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2038, 6, 14))).isTrue(); // Whit Monday
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 6))).isTrue();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 14))).isTrue();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 25))).isTrue();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 11, 11))).isTrue();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 7))).isFalse();
    assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 2, 16))).isFalse();
  }
}
