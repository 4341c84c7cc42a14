package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.Cause;
import fr.marstek.automation.control.DesiredState;
import fr.marstek.automation.control.ImportCapExceeded;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Control's older notices read from the message catalogue the texts they were written with, in
 * French and in English, numbers as before (no digit grouping).
 */
class WordingTest {

  private static final BatteryId TWO = BatteryId.of(2);
  // 21:07 in Paris
  private static final Instant EVENING = Instant.parse("2026-01-14T20:07:00Z");

  @Test
  void offline() {
    Notice notice = Wording.offline(new BatteryWentOffline(TWO, EVENING, "timeout"));

    assertThat(notice.kind()).isEqualTo(NoticeKind.BATTERY_OFFLINE);
    assertThat(notice.subject()).isEqualTo("battery-2-link");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 hors ligne", "La batterie 2 ne répond plus depuis 21:07 (timeout)."));
    assertThat(notice.english())
        .isEqualTo(
            new Message("Battery 2 offline", "Battery 2 has not answered since 21:07 (timeout)."));
  }

  @Test
  void back() {
    Notice notice =
        Wording.back(new BatteryCameBack(TWO, EVENING, Duration.ofMinutes(125).plusSeconds(30)));

    assertThat(notice.subject()).isEqualTo("battery-2-link");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 de retour",
                "La batterie 2 répond de nouveau après 2 h 05 hors ligne."));
    assertThat(notice.english())
        .isEqualTo(
            new Message("Battery 2 back online", "Battery 2 answers again after 2 h 05 offline."));
  }

  @Test
  void driftedNamesTheModeAskedForAndWhatTheBatteryDoesInstead() {
    var desired =
        new DesiredState(
            new Intent.GridCharge(Watts.of(1200), Percent.of(80)),
            Cause.PLAN,
            Phrase.verbatim("nuit bleue"));
    var mismatch =
        Phrase.of(
            "drift.otherMode",
            Phrase.Arg.term("deviceMode." + DeviceMode.AUTO),
            Phrase.Arg.term("deviceMode." + DeviceMode.MANUAL));

    Notice notice = Wording.drifted(new BatteryDrifted(TWO, desired, mismatch, 4, EVENING));

    assertThat(notice.subject()).isEqualTo("battery-2-drift");
    assertThat(notice.french())
        .isEqualTo(
            new Message(
                "Batterie 2 : mode non appliqué",
                "La batterie 2 n'a pas pris le mode demandé (charge réseau 1200 W → 80 %) après"
                    + " 4 essais : indique autoconsommation au lieu de créneaux manuels."));
    assertThat(notice.english())
        .isEqualTo(
            new Message(
                "Battery 2: mode not applied",
                "Battery 2 did not take the requested mode (grid charge 1200 W → 80 %) after 4"
                    + " attempts: reports self-consumption instead of manual slots."));
  }

  @Test
  void importOverCapKeepsItsWattsUngrouped() {
    Notice notice =
        Wording.importOverCap(new ImportCapExceeded(Watts.of(9412), Watts.of(9000), EVENING));

    assertThat(notice.kind()).isEqualTo(NoticeKind.IMPORT_OVER_CAP);
    assertThat(notice.french().title()).isEqualTo("Soutirage au-dessus du plafond");
    assertThat(notice.french().body())
        .isEqualTo(
            "À 21:07, la maison tire 9412 W du réseau, au-delà du plafond de 9000 W, sans aucune"
                + " charge de batterie : le disjoncteur peut sauter. Les batteries attendent que"
                + " la consommation baisse.");
    assertThat(notice.english().title()).isEqualTo("Import above the cap");
    assertThat(notice.english().body())
        .isEqualTo(
            "At 21:07, the house draws 9412 W from the grid, above the 9000 W cap, with no"
                + " battery charging: the breaker may trip. The batteries wait for the load to"
                + " fall.");
  }

  @Test
  void theTestMessageInEachLanguage() {
    assertThat(Wording.test(Language.FR))
        .isEqualTo(
            new Message(
                "Marstek Automation : test",
                "Ceci est un message de test : les notifications fonctionnent."));
    assertThat(Wording.test(Language.EN))
        .isEqualTo(
            new Message("Marstek Automation: test", "This is a test message: notifications work."));
  }
}
