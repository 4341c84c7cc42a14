package fr.marstek.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.control.PassiveLeft;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 14 item 3: a battery that left Passive by itself is told in both languages. */
class PassiveLeftNoticeTest {

  @Test
  void theNoticeComesFromTheCatalogueInFrenchAndEnglish() {
    var event =
        new PassiveLeft(
            BatteryId.of(2),
            Phrase.of(
                "command.passive.discharge",
                Phrase.Arg.watts(Watts.of(800)),
                Phrase.Arg.span(Duration.ofMinutes(15))),
            Watts.of(800),
            Watts.of(400),
            DeviceMode.AUTO,
            Instant.parse("2026-12-01T17:05:00Z"));

    Notice notice = Wording.passiveLeft(event);

    assertThat(notice.kind()).isEqualTo(NoticeKind.BATTERY_DRIFTED);
    assertThat(notice.subject()).isEqualTo("passive-left-2");
    assertThat(notice.french().title()).isEqualTo("Batterie 2 : puissance fixe abandonnée");
    assertThat(notice.french().body())
        .startsWith("La batterie 2 a accepté « puissance fixe : décharge à 800 W")
        .contains("400 W en mode autoconsommation")
        .doesNotContain("{");
    assertThat(notice.english().title()).isEqualTo("Battery 2 left its fixed power");
    assertThat(notice.english().body())
        .startsWith("Battery 2 acknowledged “fixed power: discharge at 800 W")
        .contains("400 W in self-consumption")
        .doesNotContain("{");
  }

  /** Issue 14 item 4: a failover to Modbus is told once, in both languages. */
  @Test
  void aFailoverToModbusIsToldFromTheCatalogue() {
    Notice notice =
        Wording.protocolSwitched(
            new fr.marstek.automation.control.BatteryProtocolSwitched(
                BatteryId.of(1),
                "openapi",
                "modbus",
                "192.168.1.110:502",
                Instant.parse("2026-12-01T20:42:00Z")));

    assertThat(notice.kind()).isEqualTo(NoticeKind.BATTERY_API_SILENT);
    assertThat(notice.french().title()).isEqualTo("Batterie 1 : pilotée désormais par Modbus TCP");
    assertThat(notice.french().body())
        .startsWith(
            "La batterie 1 ne répond plus par l’Open API : le service la pilote désormais par"
                + " Modbus TCP (192.168.1.110:502)")
        .doesNotContain("{");
    assertThat(notice.english().title()).isEqualTo("Battery 1 now controlled over Modbus TCP");
    assertThat(notice.english().body())
        .startsWith(
            "Battery 1 stopped answering over the Open API, so the service now controls it"
                + " over Modbus TCP (192.168.1.110:502)")
        .doesNotContain("{");
  }
}
