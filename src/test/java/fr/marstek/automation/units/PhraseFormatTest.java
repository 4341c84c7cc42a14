package fr.marstek.automation.units;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.units.Phrase.Arg;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhraseFormatTest {

  private static final PhraseFormat TEST_TEXTS =
      new PhraseFormat(
          (key, locale) ->
              Optional.ofNullable(
                  Map.of(
                          "fr:price", "à {0}, {1} pendant {2} ; {3}",
                          "en:price", "at {0}, {1} for {2}; {3}",
                          "fr:when", "le {0} à {1}, {2}",
                          "en:when", "on {0} at {1}, {2}",
                          "fr:red", "rouge",
                          "en:red", "red",
                          "fr:apostrophe", "aujourd'hui {0}")
                      .get(locale.getLanguage() + ":" + key)));

  @Test
  void writesNumbersPricesAndPowersInFrenchFormat() {
    Phrase phrase =
        Phrase.of(
            "price",
            Arg.eurPerKwh(0.1871),
            Arg.watts(1234),
            Arg.span(Duration.ofMinutes(185)),
            Arg.count(12345));

    assertThat(TEST_TEXTS.format(phrase, Locale.FRENCH))
        .isEqualTo("À 0,1871 €/kWh, 1\u202f234 W pendant 3 h 05 ; 12\u202f345");
    assertThat(TEST_TEXTS.format(phrase, Locale.ENGLISH))
        .isEqualTo("At 0.1871 €/kWh, 1,234 W for 3 h 05; 12,345");
  }

  @Test
  void writesDaysAndTimesIn24HourParisTimeWithTheLanguagesNames() {
    Phrase phrase =
        Phrase.of(
            "when",
            Arg.day(LocalDate.of(2025, 12, 4)),
            Arg.time(LocalTime.of(22, 0)),
            Arg.moment(Instant.parse("2025-12-04T05:00:00Z")));

    assertThat(TEST_TEXTS.format(phrase, Locale.FRENCH))
        .isEqualTo("Le jeudi 4 décembre à 22:00, jeu. 4 déc. 06:00");
    assertThat(TEST_TEXTS.format(phrase, Locale.ENGLISH))
        .isEqualTo("On Thursday 4 December at 22:00, Thu 4 Dec 06:00");
  }

  @Test
  void writesTermsAndNestedPhrasesInTheSameLanguageAndKeepsApostrophes() {
    Phrase inner = Phrase.of("when", Arg.day(LocalDate.of(2026, 1, 1)), Arg.term("red"));
    Phrase outer = Phrase.of("apostrophe", Arg.phrase(inner));

    assertThat(TEST_TEXTS.format(outer, Locale.FRENCH))
        .isEqualTo("Aujourd'hui le jeudi 1 janvier à rouge, {2}");
  }

  @Test
  void anArgumentThatReadsLikeAPlaceholderIsWrittenAsItIsAndAPlaceholderWithoutArgumentStays() {
    Phrase phrase =
        Phrase.of(
            "when", Arg.text("{1} {2} $1 \\"), Arg.text("22:00"), Arg.text("device said {0}"));

    assertThat(TEST_TEXTS.format(phrase, Locale.ENGLISH))
        .isEqualTo("On {1} {2} $1 \\ at 22:00, device said {0}");
    assertThat(TEST_TEXTS.format(Phrase.of("when", Arg.text("monday")), Locale.ENGLISH))
        .isEqualTo("On monday at {1}, {2}");
  }

  @Test
  void aMissingKeyIsShownWithItsArgumentsAndATextKeptVerbatimIsLeftAlone() {
    assertThat(TEST_TEXTS.format(Phrase.of("nowhere", Arg.percent(45.4)), Locale.FRENCH))
        .isEqualTo("Nowhere [45 %]");
    assertThat(TEST_TEXTS.format(Phrase.verbatim("no reply to ES.GetMode"), Locale.FRENCH))
        .isEqualTo("no reply to ES.GetMode");
  }

  @Test
  void theServicesCatalogueWritesAPlanReasonInBothLanguages() {
    Phrase why =
        Phrase.of(
            "reason.plan.charging",
            Arg.term("colour.word.RED"),
            Arg.eurPerKwh(0.7562),
            Arg.eurPerKwh(0.1568),
            Arg.percent(95));

    assertThat(PhraseFormat.messages().format(why, Locale.FRENCH))
        .isEqualTo(
            "Demain jour rouge : heures pleines à 0,7562 €/kWh contre 0,1568 €/kWh en heures"
                + " creuses : charge jusqu’à 95 % d’ici 06:00");
    assertThat(PhraseFormat.english(why))
        .isEqualTo(
            "Red day tomorrow: peak 0.7562 €/kWh vs off-peak 0.1568 €/kWh: charging to 95 % by"
                + " 06:00");
  }

  @Test
  void writesEveryDayAndNamedWeekdays() {
    var weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    assertThat(
            PhraseFormat.messages()
                .format(
                    Phrase.of(
                        "command.manual.charge",
                        Arg.count(0),
                        Arg.time(LocalTime.of(22, 0)),
                        Arg.time(LocalTime.of(23, 59)),
                        Arg.weekdays(EnumSet.allOf(DayOfWeek.class)),
                        Arg.watts(2500)),
                    Locale.FRENCH))
        .isEqualTo("Créneau manuel 0 : charge à 2\u202f500 W de 22:00 à 23:59, tous les jours");
    assertThat(
            PhraseFormat.english(
                Phrase.of(
                    "command.manual.hold",
                    Arg.count(1),
                    Arg.time(LocalTime.MIDNIGHT),
                    Arg.time(LocalTime.of(6, 0)),
                    Arg.weekdays(weekend))))
        .isEqualTo("Manual slot 1: hold from 00:00 to 06:00, Sat Sun");
  }
}
