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
import fr.marstek.automation.units.Phrase.Arg;
import fr.marstek.automation.units.PhraseFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Control's notices, in French and in English from the message catalogue, with their numbers as
 * they always read (no digit grouping).
 */
final class Wording {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("HH:mm").withZone(PARIS);

  private Wording() {}

  static Notice offline(BatteryWentOffline e) {
    String battery = e.battery().value();
    return catalogued(
        NoticeKind.BATTERY_OFFLINE,
        linkSubject(battery),
        Phrase.of("notice.offline.title", Arg.text(battery)),
        Phrase.of(
            "notice.offline.body",
            Arg.text(battery),
            Arg.text(HOUR.format(e.since())),
            Arg.text(e.reason())));
  }

  static Notice back(BatteryCameBack e) {
    String battery = e.battery().value();
    return catalogued(
        NoticeKind.BATTERY_BACK,
        linkSubject(battery),
        Phrase.of("notice.back.title", Arg.text(battery)),
        Phrase.of("notice.back.body", Arg.text(battery), Arg.text(duration(e.offlineFor()))));
  }

  static Notice drifted(BatteryDrifted e) {
    String battery = e.battery().value();
    return catalogued(
        NoticeKind.BATTERY_DRIFTED,
        driftSubject(battery),
        Phrase.of("notice.drifted.title", Arg.text(battery)),
        Phrase.of(
            "notice.drifted.body",
            Arg.text(battery),
            Arg.phrase(intent(e.desired().intent())),
            Arg.count(e.attempts()),
            Arg.phrase(e.mismatch())));
  }

  /** Told once per switch, from the catalogue in both languages. */
  static Notice protocolSwitched(BatteryProtocolSwitched e) {
    Phrase title =
        Phrase.of(
            "notice.protocolSwitched.title",
            Arg.text(e.battery().value()),
            Arg.term("protocol." + e.to()));
    Phrase body =
        Phrase.of(
            "notice.protocolSwitched.body",
            Arg.text(e.battery().value()),
            Arg.term("protocol." + e.from()),
            Arg.term("protocol." + e.to()),
            Arg.text(e.address()));
    return catalogued(
        NoticeKind.BATTERY_API_SILENT, "protocol-" + e.battery().value(), title, body);
  }

  /** Told once per fixed-power hold, from the catalogue in both languages. */
  static Notice passiveLeft(PassiveLeft e) {
    Phrase title = Phrase.of("notice.passiveLeft.title", Arg.text(e.battery().value()));
    Phrase body =
        Phrase.of(
            "notice.passiveLeft.body",
            Arg.text(e.battery().value()),
            Arg.phrase(e.command()),
            Arg.watts(e.reported()),
            Arg.term("deviceMode." + e.mode().name()));
    return catalogued(
        NoticeKind.BATTERY_DRIFTED, "passive-left-" + e.battery().value(), title, body);
  }

  static Notice importOverCap(ImportCapExceeded e) {
    return catalogued(
        NoticeKind.IMPORT_OVER_CAP,
        "import-over-cap",
        Phrase.of("notice.importOverCap.title"),
        Phrase.of(
            "notice.importOverCap.body",
            Arg.text(HOUR.format(e.at())),
            Arg.text(Integer.toString(e.house().rounded())),
            Arg.text(Integer.toString(e.cap().rounded()))));
  }

  static Message test(Language language) {
    return in(
        language == Language.FR ? Locale.FRENCH : Locale.ENGLISH,
        Phrase.of("notice.test.title"),
        Phrase.of("notice.test.body"));
  }

  /** A notice whose title and body come from the message catalogue, in French and in English. */
  static Notice catalogued(NoticeKind kind, String subject, Phrase title, Phrase body) {
    return catalogued(kind, subject, language -> title, language -> body);
  }

  /**
   * A notice from the catalogue whose figures are written per language by {@link Figures} (3,1 kWh
   * in French, never grouped), hence a phrase per language.
   */
  static Notice catalogued(
      NoticeKind kind,
      String subject,
      Function<Language, Phrase> title,
      Function<Language, Phrase> body) {
    return new Notice(
        kind,
        subject,
        in(Locale.FRENCH, title.apply(Language.FR), body.apply(Language.FR)),
        in(Locale.ENGLISH, title.apply(Language.EN), body.apply(Language.EN)));
  }

  private static Message in(Locale language, Phrase title, Phrase body) {
    return new Message(
        PhraseFormat.messages().format(title, language),
        PhraseFormat.messages().format(body, language));
  }

  static String linkSubject(String battery) {
    return "battery-" + battery + "-link";
  }

  static String driftSubject(String battery) {
    return "battery-" + battery + "-drift";
  }

  private static Phrase intent(Intent intent) {
    return switch (intent) {
      case Intent.SelfConsumption _ -> Phrase.of("notice.intent.selfConsumption");
      case Intent.GridCharge g ->
          Phrase.of(
              "notice.intent.gridCharge",
              Arg.text(Integer.toString(g.power().rounded())),
              Arg.text(g.upTo().toString()));
      case Intent.Idle _ -> Phrase.of("notice.intent.idle");
      case Intent.VendorAi _ -> Phrase.of("notice.intent.vendorAi");
      case Intent.FixedPower p ->
          Phrase.of("notice.intent.fixedPower", Arg.text(Integer.toString(p.power().rounded())));
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
