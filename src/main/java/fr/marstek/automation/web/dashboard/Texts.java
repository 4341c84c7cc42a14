package fr.marstek.automation.web.dashboard;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.PhraseFormat;
import gg.jte.support.LocalizationSupport;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The page's messages in its language, for templates: {@code ${t.localize("key")}}. */
public final class Texts implements LocalizationSupport {

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final MessageSource messages;
  private final Locale locale;

  Texts(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  @Override
  public String lookup(String key) {
    return messages.getMessage(key, null, key, locale);
  }

  /** A phrase (a reason, a command) in the page's language and number format. */
  public String phrase(Phrase phrase) {
    return phrase == null ? "" : PhraseFormat.messages().format(phrase, locale);
  }

  /** The page's language code: fr or en. */
  public String lang() {
    return locale.getLanguage();
  }

  /** A time of day in Paris, such as 14:05. */
  public String time(Instant t) {
    return t == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale).withZone(PARIS).format(t);
  }

  /** A day and time in Paris, such as 26/11 14:05 or 11/26 14:05 by language. */
  public String dayTime(Instant t) {
    if (t == null) {
      return "";
    }
    String pattern = "fr".equals(lang()) ? "EEE dd/MM HH:mm" : "EEE MM/dd HH:mm";
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(PARIS).format(t);
  }

  /** Watts as 1 234 W or 1,234 W by language. */
  public String watts(Integer w) {
    return w == null ? "–" : String.format(locale, "%,d W", w);
  }

  /** Kilowatt-hours with one decimal. */
  public String kwh(double wh) {
    return String.format(locale, "%.1f kWh", wh / 1000.0);
  }

  /** A price per kWh with four decimals, as Tempo prices are published. */
  public String eurPerKwh(Double eur) {
    return eur == null ? "–" : String.format(locale, "%.4f €/kWh", eur);
  }

  /** A mode control asks for (AUTO, MANUAL, IDLE…) in words: garder l'énergie. */
  public String mode(String apiName) {
    return apiName == null ? "–" : messages.getMessage("mode." + apiName, null, apiName, locale);
  }

  /** A mode a battery reports (AUTO, MANUAL, PASSIVE…) in words: créneaux manuels. */
  public String deviceMode(String name) {
    return name == null ? "–" : messages.getMessage("deviceMode." + name, null, name, locale);
  }

  /** A setting's choice (true, fixed…) in words; the value sent stays the same. */
  public String option(String value) {
    return messages.getMessage("option." + value, null, value, locale);
  }

  /**
   * An alert in words. Technical details (a device's error, a colour source's failure) are in
   * English in the log and the API; the page says what they mean instead.
   */
  public gg.jte.Content alert(FleetSummary.Alert alert) {
    String detail =
        switch (alert.key()) {
          case "alert.drift" -> mode(alert.detail());
          case "alert.offline" -> lookup("alert.offline.noAnswer");
          case "alert.todayUnknown", "alert.tomorrowUnknown", "alert.tomorrowMayBeRed" ->
              lookup("alert.colour.noSource");
          default -> alert.detail();
        };
    return localize(alert.key(), alert.battery(), detail);
  }

  /**
   * The history tables' codes in words, for the page's script: device modes, causes and outcomes as
   * a JSON object {"cause.PLAN": "plan Tempo", …}.
   */
  public String historyTerms() {
    var terms = new java.util.LinkedHashMap<String, String>();
    for (var mode : fr.marstek.automation.device.DeviceMode.values()) {
      terms.put("mode." + mode.name(), deviceMode(mode.name()));
    }
    for (var cause : fr.marstek.automation.history.ChangeCause.values()) {
      terms.put("cause." + cause.name(), lookup("cause." + cause.name()));
    }
    for (var outcome : fr.marstek.automation.history.CommandOutcome.values()) {
      terms.put("outcome." + outcome.name(), lookup("outcome." + outcome.name()));
    }
    return JSON.writeValueAsString(terms);
  }

  /** Degrees Celsius with one decimal. */
  public String celsius(Double c) {
    return c == null ? "–" : String.format(locale, "%.1f °C", c);
  }
}
