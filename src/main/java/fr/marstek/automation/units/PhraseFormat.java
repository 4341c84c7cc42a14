package fr.marstek.automation.units;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.units.Phrase.Arg;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link Phrase} in a reader's language: the catalogue gives the text of its key, each
 * argument is written in the language's number and date format (French: {@code 0,1871 €/kWh},
 * {@code 1 234 W}; 24-hour times in both) and replaces its {@code {n}}. Placeholders are replaced
 * as jte's templates do, not by {@link java.text.MessageFormat}, so an apostrophe is never special.
 */
public final class PhraseFormat {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");

  /** Where the texts come from: Spring's message source, or a resource bundle in a plain test. */
  @FunctionalInterface
  public interface Catalogue {
    /** The text of a key in a language, empty when the catalogue has none. */
    Optional<String> text(String key, Locale locale);
  }

  private static final int MAX_DEPTH = 8;
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final PhraseFormat MESSAGES = new PhraseFormat(PhraseFormat::bundled);

  private final Catalogue catalogue;

  public PhraseFormat(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The service's catalogue: {@code messages_fr.properties} and {@code messages_en.properties} on
   * the class path (the very files the dashboard's message source reads).
   */
  public static PhraseFormat messages() {
    return MESSAGES;
  }

  /** In English, for logs and for stored text that must stay readable without the service. */
  public static String english(Phrase phrase) {
    return MESSAGES.format(phrase, Locale.ENGLISH);
  }

  /**
   * The phrase in the reader's language, its first letter upper case (the catalogue writes phrases
   * in lower case, so that one may sit inside another).
   */
  public String format(Phrase phrase, Locale locale) {
    String text = format(phrase, locale, 0);
    if (text.isEmpty() || phrase.key().equals(Phrase.VERBATIM)) {
      return text;
    }
    return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
  }

  private String format(Phrase phrase, Locale locale, int depth) {
    if (phrase.key().equals(Phrase.VERBATIM)) {
      return phrase.args().stream().map(a -> arg(a, locale, depth)).collect(Collectors.joining());
    }
    Optional<String> text =
        catalogue.text(phrase.key(), locale).or(() -> catalogue.text(phrase.key(), Locale.ENGLISH));
    if (text.isEmpty()) {
      // a key missing from the catalogue is a bug, shown rather than hidden
      List<String> args = phrase.args().stream().map(a -> arg(a, locale, depth)).toList();
      return args.isEmpty() ? phrase.key() : phrase.key() + " " + args;
    }
    // one pass over the catalogue's text: an argument that itself reads "{1}" (a device's error
    // message, say) is written as it is, never filled in again
    Matcher placeholder = PLACEHOLDER.matcher(text.get());
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      int index = Integer.parseInt(placeholder.group(1));
      String replacement =
          index < phrase.args().size()
              ? arg(phrase.args().get(index), locale, depth)
              : placeholder.group();
      placeholder.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  private String arg(Arg arg, Locale locale, int depth) {
    if (depth > MAX_DEPTH) {
      return "…";
    }
    return switch (arg) {
      case Arg.Count c -> whole(locale).format(c.value());
      case Arg.Power p -> whole(locale).format(Math.round(p.watts())) + " W";
      case Arg.Share s -> whole(locale).format(Math.round(s.percent())) + " %";
      case Arg.PricePerKwh p -> decimals(locale, 4).format(p.eur()) + " €/kWh";
      case Arg.Money m -> decimals(locale, 2).format(m.eur()) + " €";
      case Arg.Energy e -> decimals(locale, 1).format(e.wattHours() / 1000) + " kWh";
      case Arg.Term t -> format(new Phrase(t.key(), List.of()), locale, depth + 1);
      case Arg.ClockTime t -> DateTimeFormatter.ofPattern("HH:mm", locale).format(t.time());
      case Arg.Day d -> DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(d.day());
      case Arg.Moment m ->
          DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).withZone(PARIS).format(m.at());
      case Arg.Span s -> span(s.duration());
      case Arg.Weekdays w -> weekdays(w, locale, depth);
      case Arg.Text t -> t.text();
      case Arg.Nested n -> format(n.phrase(), locale, depth + 1);
    };
  }

  private String weekdays(Arg.Weekdays w, Locale locale, int depth) {
    if (w.days().size() == DayOfWeek.values().length || w.days().isEmpty()) {
      String key = w.days().isEmpty() ? "weekdays.none" : "weekdays.all";
      return format(new Phrase(key, List.of()), locale, depth + 1);
    }
    return w.days().stream()
        .sorted()
        .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
        .collect(Collectors.joining(" "));
  }

  private static Optional<String> bundled(String key, Locale locale) {
    try {
      ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, NO_FALLBACK);
      return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  private static String span(Duration d) {
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      return Math.max(0, d.toSeconds()) + " s";
    }
    if (d.compareTo(Duration.ofHours(1)) < 0) {
      return d.toMinutes() + " min";
    }
    return d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart());
  }

  private static NumberFormat whole(Locale locale) {
    NumberFormat f = NumberFormat.getIntegerInstance(locale);
    f.setGroupingUsed(true);
    return f;
  }

  private static NumberFormat decimals(Locale locale, int digits) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f;
  }
}
