package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.web.security.DashboardLogin;
import fr.marstek.automation.web.security.ReadAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the frame every page shares: language, login state, demo and pause, last message. */
@Component
class PageFactory {

  private final MessageSource messages;
  private final TempoColours colours;
  private final Batteries batteries;
  private final Automation automation;
  private final DashboardSession session;
  private final ReadAccess reads;

  PageFactory(
      MessageSource messages,
      Batteries batteries,
      Automation automation,
      DashboardSession session,
      ReadAccess reads,
      TempoColours colours) {
    this.reads = reads;
    this.colours = colours;
    this.messages = messages;
    this.batteries = batteries;
    this.automation = automation;
    this.session = session;
  }

  Texts texts(Locale locale) {
    return new Texts(messages, locale);
  }

  /** Reads need the token and this browser has not given it. */
  boolean locked(HttpServletRequest request) {
    return reads.tokenRequired() && !DashboardLogin.isLoggedIn(request);
  }

  Page page(HttpServletRequest request, Locale locale, String path) {
    Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
    Texts t = texts(locale);
    String csrf = session.csrf(request).orElse("");
    return new Page(
        t,
        path,
        batteries.isDemo(),
        automation.isPaused(),
        !csrf.isEmpty(),
        csrf,
        message(t, flash, "notice"),
        message(t, flash, "problem"),
        colours.providerNames().equals(List.of("demo")),
        portHints(t));
  }

  /** Batteries that answered on the factory port only: the household must fix its .env. */
  private List<String> portHints(Texts t) {
    return batteries.all().stream()
        .flatMap(b -> b.portMismatch().stream())
        .map(
            m ->
                t.phrase(
                    Phrase.of(
                        "battery.wrongPort",
                        Phrase.Arg.text(m.battery().value()),
                        Phrase.Arg.text(Integer.toString(m.answering())),
                        Phrase.Arg.text(Integer.toString(m.configured())),
                        Phrase.Arg.text(m.setting()))))
        .toList();
  }

  private static String message(Texts t, Map<String, ?> flash, String name) {
    if (flash == null || !(flash.get(name) instanceof String key)) {
      return "";
    }
    Object detail = flash.get(name + "Detail");
    String text = t.lookup(key);
    return detail == null ? text : text + " " + detail;
  }
}
