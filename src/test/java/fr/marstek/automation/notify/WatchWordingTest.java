package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.history.DaySavings;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.tariff.tempo.TempoColour;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The watches' notices read from the message catalogue the texts they were written with, in French
 * and in English, figures as {@link Figures} writes them (3,1 kWh in French, never grouped).
 */
class WatchWordingTest {

  private static final BatteryId TWO = BatteryId.of(2);
  // 21:07 in Paris
  private static final Instant EVENING = Instant.parse("2026-01-14T20:07:00Z");

  @Test
  void apiSilent() {
    Notice notice =
        BatteryWatch.apiSilent(TWO, EVENING, "no reply to ES.GetStatus", Duration.ofMinutes(95));

    assertThat(notice.kind()).isEqualTo(NoticeKind.BATTERY_API_SILENT);
    assertThat(notice.subject()).isEqualTo("battery-2-api");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 : API locale coupée ?",
                "La batterie 2 ne répond plus depuis 21:07 (95 min, no reply to ES.GetStatus). Si"
                    + " elle est allumée et sur le Wi-Fi, son API locale s'est sans doute"
                    + " désactivée (mise à jour, réinitialisation, bug des firmwares 147-148) :"
                    + " réactivez-la dans l'app Marstek."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Battery 2: local API switched off?",
                "Battery 2 has not answered since 21:07 (95 min, no reply to ES.GetStatus). If it"
                    + " is powered and on Wi-Fi, its local API has probably switched itself off"
                    + " (update, reset, firmware 147-148 bug): enable it again in the Marstek"
                    + " app."));
  }

  @Test
  void backInAuto() {
    Notice notice = BatteryWatch.backInAuto(TWO, DeviceMode.MANUAL, Duration.ofSeconds(20));

    assertThat(notice.kind()).isEqualTo(NoticeKind.BATTERY_RESET);
    assertThat(notice.subject()).isEqualTo("battery-2-reset");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 réinitialisée ?",
                "La batterie 2 revient après 1 min sans réponse en mode Auto au lieu de "
                    + DeviceMode.MANUAL.wireName()
                    + " : elle semble réinitialisée (réglages effacés). Le mode voulu est"
                    + " réappliqué ; vérifiez ses plages dans l'app Marstek."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Battery 2 reset?",
                "Battery 2 is back after 1 min without answering, in Auto mode instead of "
                    + DeviceMode.MANUAL.wireName()
                    + ": it looks reset (settings wiped). The wanted mode is applied again; check"
                    + " its time slots in the Marstek app."));
  }

  @Test
  void countersResetKeepTheirKilowattHoursUngroupedWithEachLanguagesDecimalMark() {
    Notice notice = BatteryWatch.countersReset(TWO, 1_234_560, 40, 987_650, 0);

    assertThat(notice.subject()).isEqualTo("battery-2-reset");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 réinitialisée ?",
                "Les compteurs d'énergie de la batterie 2 ont diminué (charge 1234,6 kWh → 0,0"
                    + " kWh, décharge 987,7 kWh → 0,0 kWh) : elle semble réinitialisée. Vérifiez"
                    + " son API locale et ses plages dans l'app Marstek."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Battery 2 reset?",
                "Battery 2's energy counters went down (charged 1234.6 kWh → 0.0 kWh, discharged"
                    + " 987.7 kWh → 0.0 kWh): it looks reset. Check its local API and time slots"
                    + " in the Marstek app."));
  }

  @Test
  void databaseFailing() {
    Notice notice = DatabaseWatch.failing(EVENING, Duration.ofMinutes(7), "connection refused {0}");

    assertThat(notice.kind()).isEqualTo(NoticeKind.DATABASE_FAILING);
    assertThat(notice.subject()).isEqualTo(DatabaseWatch.SUBJECT);
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Base d'historique en échec",
                "Les écritures dans la base d'historique échouent depuis 21:07 (7 min) :"
                    + " connection refused {0}. Elles attendent en mémoire (10 000"
                    + " enregistrements au plus)."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "History database failing",
                "Writes to the history database have failed since 21:07 (7 min): connection"
                    + " refused {0}. They wait in memory (10,000 records at most)."));
  }

  @Test
  void nightChargeShortWhileCharging() {
    Instant three = Instant.parse("2026-01-15T02:00:00Z");
    Instant six = Instant.parse("2026-01-15T05:00:00Z");

    Notice notice = NightChargeWatch.shortfall("charge-2", "2", three, 41.6, 1500, 95, six, 80.4);

    assertThat(notice.kind()).isEqualTo(NoticeKind.CHARGE_SHORT);
    assertThat(notice.subject()).isEqualTo("charge-2");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 : charge de nuit insuffisante",
                "À 03:00 : 42 %, charge à 1500 W. Objectif 95 % à 06:00, au mieux 80 % à ce"
                    + " rythme."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Battery 2: night charge falling short",
                "At 03:00: 42 %, charging at 1500 W. Target 95 % by 06:00, at best 80 % at this"
                    + " pace."));
  }

  @Test
  void nightChargeShortWhenNotCharging() {
    Instant three = Instant.parse("2026-01-15T02:00:00Z");
    Instant six = Instant.parse("2026-01-15T05:00:00Z");

    Notice notice = NightChargeWatch.shortfall("charge-2", "2", three, 41.6, 0, 95, six, 41.6);

    assertThat(notice.french().body())
        .isEqualTo(
            "À 03:00 : 42 %, pas en charge. Objectif 95 % à 06:00, au mieux 42 % à ce rythme.");
    assertThat(notice.english().body())
        .isEqualTo(
            "At 03:00: 42 %, not charging. Target 95 % by 06:00, at best 42 % at this pace.");
  }

  private static final LocalDate TUESDAY = LocalDate.parse("2026-01-13");

  private static DaySavings day(LocalDate day, String colour, Double paid, Double without) {
    return new DaySavings(
        day,
        Optional.ofNullable(colour),
        1_234_560,
        8_140,
        6_260,
        Optional.ofNullable(paid),
        Optional.ofNullable(without));
  }

  @Test
  void dailySummaryNamesTheColourAndKeepsItsFiguresUngrouped() {
    Notice notice = Summaries.daily(TUESDAY, List.of(day(TUESDAY, "WHITE", 1234.5, 1236.77)));

    assertThat(notice.kind()).isEqualTo(NoticeKind.DAILY_SUMMARY);
    assertThat(notice.subject()).isEqualTo(Summaries.DAILY);
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Bilan du mardi 13/01 (blanc)",
                "Batteries : chargé 8,1 kWh, restitué 6,3 kWh. Réseau : acheté 1234,6 kWh. Payé"
                    + " 1234,50 €, économisé 2,27 €."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Summary of Tuesday 13/01 (white)",
                "Batteries: charged 8.1 kWh, delivered 6.3 kWh. Grid: bought 1234.6 kWh. Paid"
                    + " 1234.50 €, saved 2.27 €."));
  }

  @Test
  void dailySummaryOfAnUnpricedDayAndOfADayWithNothingRecorded() {
    Notice unpriced = Summaries.daily(TUESDAY, List.of(day(TUESDAY, "ORDINARY", null, null)));
    Notice nothing = Summaries.daily(TUESDAY, List.of());

    assertThat(unpriced.french())
        .isEqualTo(
            new Message(
                "Bilan du mardi 13/01 (ordinaire)",
                "Batteries : chargé 8,1 kWh, restitué 6,3 kWh. Réseau : acheté 1234,6 kWh."
                    + " Couleur inconnue : non chiffré."));
    assertThat(unpriced.english())
        .isEqualTo(
            new Message(
                "Summary of Tuesday 13/01 (ordinary)",
                "Batteries: charged 8.1 kWh, delivered 6.3 kWh. Grid: bought 1234.6 kWh. Colour"
                    + " unknown: not priced."));
    assertThat(nothing.french())
        .isEqualTo(new Message("Bilan du mardi 13/01", "Aucune donnée enregistrée."));
    assertThat(nothing.english())
        .isEqualTo(new Message("Summary of Tuesday 13/01", "Nothing recorded."));
  }

  @Test
  void weeklySummaryCountsItsPricedDays() {
    LocalDate monday = TUESDAY.minusDays(1);
    Notice notice =
        Summaries.weekly(
            TUESDAY.minusDays(6),
            TUESDAY,
            List.of(day(monday, "RED", 3.0, 5.5), day(TUESDAY, null, null, null)));

    assertThat(notice.kind()).isEqualTo(NoticeKind.WEEKLY_SUMMARY);
    assertThat(notice.subject()).isEqualTo(Summaries.WEEKLY);
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Bilan de la semaine 07/01 - 13/01",
                "Batteries : chargé 16,3 kWh, restitué 12,5 kWh. Réseau : acheté 2469,1 kWh."
                    + " Payé 3,00 €, économisé 2,50 € (1 jours chiffrés sur 2)."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Summary of the week 07/01 - 13/01",
                "Batteries: charged 16.3 kWh, delivered 12.5 kWh. Grid: bought 2469.1 kWh. Paid"
                    + " 3.00 €, saved 2.50 € (1 of 2 days priced)."));
  }

  private static final LocalDate WEDNESDAY = LocalDate.parse("2026-01-14");

  @Test
  void tomorrowsColourUnknownWhenTheSourcesFailAndAPlanAssumesRed() {
    Notice notice =
        TempoWatch.unknownLate(EVENING, WEDNESDAY, true, Optional.of("all sources failing"), true);

    assertThat(notice.kind()).isEqualTo(NoticeKind.TEMPO_UNKNOWN_LATE);
    assertThat(notice.subject()).isEqualTo(TempoWatch.UNKNOWN);
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Couleur de demain inconnue",
                "À 21:07, la couleur Tempo de mercredi 14/01 n'est toujours pas connue (les"
                    + " sources Tempo échouent). Un jour rouge reste possible : le plan le suppose"
                    + " rouge par prudence."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Tomorrow's colour unknown",
                "At 21:07, the Tempo colour of Wednesday 14/01 is still unknown (all sources"
                    + " failing). A red day is still possible: the plan assumes red to be safe."));
  }

  @Test
  void tomorrowsColourUnknownNotPublishedYetWithoutAPlan() {
    Notice notice = TempoWatch.unknownLate(EVENING, WEDNESDAY, false, Optional.empty(), false);

    assertThat(notice.french().body())
        .isEqualTo(
            "À 21:07, la couleur Tempo de mercredi 14/01 n'est toujours pas connue. Un jour rouge"
                + " reste possible.");
    assertThat(notice.english().body())
        .isEqualTo(
            "At 21:07, the Tempo colour of Wednesday 14/01 is still unknown (not published yet). A"
                + " red day is still possible.");
  }

  @Test
  void tempoProviderFailingWithAndWithoutRelays() {
    Notice relayed =
        TempoWatch.providerFailing("rte", 1234, "21:07", "HTTP 503", List.of("couleur", "edf"));
    Notice alone = TempoWatch.providerFailing("rte", 3, "?", "?", List.of());

    assertThat(relayed.kind()).isEqualTo(NoticeKind.TEMPO_PROVIDER_FAILING);
    assertThat(relayed.subject()).isEqualTo("tempo-provider-rte");
    assertThat(relayed.french())
        .isEqualTo(
            new Message(
                "Source Tempo rte en échec",
                "La source Tempo rte a échoué 1234 fois de suite (dernière à 21:07 : HTTP 503)."
                    + " Relais : couleur, edf."));
    assertThat(relayed.english())
        .isEqualTo(
            new Message(
                "Tempo source rte failing",
                "Tempo source rte failed 1234 times in a row (last at 21:07: HTTP 503). Answering"
                    + " instead: couleur, edf."));
    assertThat(alone.french().body())
        .isEqualTo(
            "La source Tempo rte a échoué 3 fois de suite (dernière à ? : ?). Aucune autre source"
                + " ne répond.");
    assertThat(alone.english().body())
        .isEqualTo(
            "Tempo source rte failed 3 times in a row (last at ?: ?). No other source answers.");
  }

  @Test
  void redTomorrowWithItsPeakPriceAndTonightsCharges() {
    Instant six = Instant.parse("2026-01-14T05:00:00Z");

    Notice notice =
        TempoWatch.announcement(
            WEDNESDAY,
            TempoColour.RED,
            Optional.of(0.7562),
            List.of(
                TempoWatch.chargeLine("1", 1_234_560, 95, six),
                TempoWatch.noChargeLine("2", Optional.of(41.6))));

    assertThat(notice.kind()).isEqualTo(NoticeKind.TEMPO_RED_TOMORROW);
    assertThat(notice.subject()).isEqualTo(TempoWatch.TOMORROW);
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Demain ROUGE",
                "Jour Tempo rouge mercredi 14/01 : heures pleines 06:00-22:00 à 0,7562 €/kWh."
                    + " Cette nuit : batterie 1 +1234,6 kWh jusqu'à 95 % d'ici 06:00 ; batterie 2"
                    + " ne charge pas (42 %)."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Tomorrow RED",
                "Red Tempo day Wednesday 14/01: peak hours 06:00-22:00 at 0.7562 €/kWh. Tonight:"
                    + " battery 1 +1234.6 kWh up to 95 % by 06:00; battery 2 does not charge (42"
                    + " %)."));
  }

  @Test
  void whiteTomorrowWithoutAPriceAndWithoutAPlan() {
    Notice bare =
        TempoWatch.announcement(WEDNESDAY, TempoColour.WHITE, Optional.empty(), List.of());
    Notice idle =
        TempoWatch.announcement(
            WEDNESDAY,
            TempoColour.WHITE,
            Optional.empty(),
            List.of(TempoWatch.noChargeLine("3", Optional.empty())));

    assertThat(bare.kind()).isEqualTo(NoticeKind.TEMPO_WHITE_TOMORROW);
    assertThat(bare.french())
        .isEqualTo(new Message("Demain BLANC", "Jour Tempo blanc mercredi 14/01."));
    assertThat(bare.english())
        .isEqualTo(new Message("Tomorrow WHITE", "White Tempo day Wednesday 14/01."));
    assertThat(idle.french().body())
        .isEqualTo("Jour Tempo blanc mercredi 14/01. Cette nuit : batterie 3 ne charge pas.");
    assertThat(idle.english().body())
        .isEqualTo("White Tempo day Wednesday 14/01. Tonight: battery 3 does not charge.");
  }
}
