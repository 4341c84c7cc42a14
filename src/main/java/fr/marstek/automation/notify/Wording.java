package fr.marstek.automation.notify;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryProtocolSwitched;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.ImportCapExceeded;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.control.PassiveLeft;
import fr.marstek.automation.notify.Notice.Language;
import fr.marstek.automation.notify.channel.Message;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.PhraseFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The short French and English texts of control's notices, with their numbers. */
final class Wording {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm").withZone(PARIS);

  private Wording() {}

  static Notice offline(BatteryWentOffline e) {
    String at = HOUR.format(e.since());
    return new Notice(
        NoticeKind.BATTERY_OFFLINE,
        linkSubject(e.battery().value()),
        new Message(
            "Batterie " + e.battery() + " hors ligne",
            "La batterie "
                + e.battery()
                + " ne répond plus depuis "
                + at
                + " ("
                + e.reason()
                + ")."),
        new Message(
            "Battery " + e.battery() + " offline",
            "Battery " + e.battery() + " has not answered since " + at + " (" + e.reason() + ")."));
  }

  static Notice back(BatteryCameBack e) {
    String fr = duration(e.offlineFor());
    String en = fr;
    return new Notice(
        NoticeKind.BATTERY_BACK,
        linkSubject(e.battery().value()),
        new Message(
            "Batterie " + e.battery() + " de retour",
            "La batterie " + e.battery() + " répond de nouveau après " + fr + " hors ligne."),
        new Message(
            "Battery " + e.battery() + " back online",
            "Battery " + e.battery() + " answers again after " + en + " offline."));
  }

  static Notice drifted(BatteryDrifted e) {
    return new Notice(
        NoticeKind.BATTERY_DRIFTED,
        driftSubject(e.battery().value()),
        new Message(
            "Batterie " + e.battery() + " : mode non appliqué",
            "La batterie "
                + e.battery()
                + " n'a pas pris le mode demandé ("
                + intent(e.desired().intent(), Language.FR)
                + ") après "
                + e.attempts()
                + " essais : "
                + PhraseFormat.messages().format(e.mismatch(), Locale.FRENCH)
                + "."),
        new Message(
            "Battery " + e.battery() + ": mode not applied",
            "Battery "
                + e.battery()
                + " did not take the requested mode ("
                + intent(e.desired().intent(), Language.EN)
                + ") after "
                + e.attempts()
                + " attempts: "
                + PhraseFormat.english(e.mismatch())
                + "."));
  }

  /** Told once per switch, from the catalogue in both languages. */
  static Notice protocolSwitched(BatteryProtocolSwitched e) {
    Phrase title =
        Phrase.of(
            "notice.protocolSwitched.title",
            Phrase.Arg.text(e.battery().value()),
            Phrase.Arg.term("protocol." + e.to()));
    Phrase body =
        Phrase.of(
            "notice.protocolSwitched.body",
            Phrase.Arg.text(e.battery().value()),
            Phrase.Arg.term("protocol." + e.from()),
            Phrase.Arg.term("protocol." + e.to()),
            Phrase.Arg.text(e.address()));
    return new Notice(
        NoticeKind.BATTERY_API_SILENT,
        "protocol-" + e.battery().value(),
        new Message(
            PhraseFormat.messages().format(title, Locale.FRENCH),
            PhraseFormat.messages().format(body, Locale.FRENCH)),
        new Message(PhraseFormat.english(title), PhraseFormat.english(body)));
  }

  /** Told once per fixed-power hold, from the catalogue in both languages. */
  static Notice passiveLeft(PassiveLeft e) {
    Phrase title = Phrase.of("notice.passiveLeft.title", Phrase.Arg.text(e.battery().value()));
    Phrase body =
        Phrase.of(
            "notice.passiveLeft.body",
            Phrase.Arg.text(e.battery().value()),
            Phrase.Arg.phrase(e.command()),
            Phrase.Arg.watts(e.reported()),
            Phrase.Arg.term("deviceMode." + e.mode().name()));
    return new Notice(
        NoticeKind.BATTERY_DRIFTED,
        "passive-left-" + e.battery().value(),
        new Message(
            PhraseFormat.messages().format(title, Locale.FRENCH),
            PhraseFormat.messages().format(body, Locale.FRENCH)),
        new Message(PhraseFormat.english(title), PhraseFormat.english(body)));
  }

  static Notice importOverCap(ImportCapExceeded e) {
    String at = HOUR.format(e.at());
    long house = e.house().rounded();
    long cap = e.cap().rounded();
    return new Notice(
        NoticeKind.IMPORT_OVER_CAP,
        "import-over-cap",
        new Message(
            "Soutirage au-dessus du plafond",
            "À "
                + at
                + ", la maison tire "
                + house
                + " W du réseau, au-delà du plafond de "
                + cap
                + " W, sans aucune charge de batterie : le disjoncteur peut sauter. Les batteries"
                + " attendent que la consommation baisse."),
        new Message(
            "Import above the cap",
            "At "
                + at
                + ", the house draws "
                + house
                + " W from the grid, above the "
                + cap
                + " W cap, with no battery charging: the breaker may trip. The batteries wait for"
                + " the load to fall."));
  }

  static Message test(Language language) {
    return language == Language.FR
        ? new Message(
            "Marstek Automation : test",
            "Ceci est un message de test : les notifications fonctionnent.")
        : new Message("Marstek Automation: test", "This is a test message: notifications work.");
  }

  static String linkSubject(String battery) {
    return "battery-" + battery + "-link";
  }

  static String driftSubject(String battery) {
    return "battery-" + battery + "-drift";
  }

  private static String intent(Intent intent, Language language) {
    boolean fr = language == Language.FR;
    return switch (intent) {
      case Intent.SelfConsumption _ -> fr ? "autoconsommation" : "self-consumption";
      case Intent.GridCharge g ->
          (fr ? "charge réseau " : "grid charge ") + g.power().rounded() + " W → " + g.upTo();
      case Intent.Idle _ -> fr ? "repos" : "idle";
      case Intent.VendorAi _ -> fr ? "mode IA" : "AI mode";
      case Intent.FixedPower p ->
          (fr ? "puissance fixe " : "fixed power ") + p.power().rounded() + " W";
    };
  }

  private static String duration(Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    return d.toHours() + " h " + String.format("%02d", d.toMinutesPart());
  }
}
