package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.PhraseFormat;
import gg.jte.support.LocalizationSupport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The page's messages in its language, for templates: {@code ${t.localize("key")}}. */
public final class Texts implements LocalizationSupport {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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

  /** Degrees Celsius with one decimal. */
  public String celsius(Double c) {
    return c == null ? "–" : String.format(locale, "%.1f °C", c);
  }
}
