package fr.marstek.automation.units;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A text a person reads, kept as a message key and typed arguments until someone reads it, so that
 * each reader gets it in their own language and number format. The texts are in the message
 * catalogue ({@code messages_fr.properties}, {@code messages_en.properties}), where {@code {0}},
 * {@code {1}}… stand for the arguments; {@link PhraseFormat} writes them out.
 */
public record Phrase(String key, List<Arg> args) {

  /** The key of a text kept as it was written (see {@link #verbatim(String)}). */
  public static final String VERBATIM = "verbatim";

  public Phrase {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("a phrase needs a message key");
    }
    args = List.copyOf(args);
  }

  public static Phrase of(String key, Arg... args) {
    return new Phrase(key, List.of(args));
  }

  /**
   * A text shown as it is, in every language: a name, a device's own error, or a row recorded
   * before texts were kept as phrases.
   */
  public static Phrase verbatim(String text) {
    return new Phrase(VERBATIM, List.of(new Arg.Text(text)));
  }

  @Override
  public String toString() {
    return args.isEmpty() ? key : key + args;
  }

  /** One argument, typed so that it is written in the reader's format. */
  public sealed interface Arg {

    /** A whole number: 1 234 in French, 1,234 in English. */
    record Count(long value) implements Arg {}

    /** Electric power, rounded to the watt: 1 234 W. */
    record Power(double watts) implements Arg {}

    /** A share, rounded to a whole percent: 45 %. */
    record Share(double percent) implements Arg {}

    /** A price per kilowatt-hour with four decimals, as Tempo prices are published. */
    record PricePerKwh(double eur) implements Arg {}

    /** An amount of money with two decimals: 12,30 €. */
    record Money(double eur) implements Arg {}

    /** Energy in kilowatt-hours with one decimal: 1,2 kWh. */
    record Energy(double wattHours) implements Arg {}

    /** A word or phrase of the catalogue, such as a colour's name. */
    record Term(String key) implements Arg {
      public Term {
        Objects.requireNonNull(key, "key");
      }
    }

    /** A time of day: 06:00. */
    record ClockTime(LocalTime time) implements Arg {
      public ClockTime {
        Objects.requireNonNull(time, "time");
      }
    }

    /** A calendar day, such as a Tempo day: jeudi 4 décembre. */
    record Day(LocalDate day) implements Arg {
      public Day {
        Objects.requireNonNull(day, "day");
      }
    }

    /** An instant, written as a day and time in Paris. */
    record Moment(Instant at) implements Arg {
      public Moment {
        Objects.requireNonNull(at, "at");
      }
    }

    /** A length of time: 45 s, 12 min, 3 h 05. */
    record Span(Duration duration) implements Arg {
      public Span {
        Objects.requireNonNull(duration, "duration");
      }
    }

    /** Days of the week, such as a device slot's days. */
    record Weekdays(Set<DayOfWeek> days) implements Arg {
      public Weekdays {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
      }
    }

    /** A text written the same in every language: a battery's name, a device's own message. */
    record Text(String text) implements Arg {
      public Text {
        Objects.requireNonNull(text, "text");
      }
    }

    /** Another phrase inside this one. */
    record Nested(Phrase phrase) implements Arg {
      public Nested {
        Objects.requireNonNull(phrase, "phrase");
      }
    }

    static Arg count(long value) {
      return new Count(value);
    }

    static Arg watts(Watts power) {
      return new Power(power.value());
    }

    static Arg watts(double watts) {
      return new Power(watts);
    }

    static Arg percent(Percent share) {
      return new Share(share.value());
    }

    static Arg percent(double share) {
      return new Share(share);
    }

    static Arg eurPerKwh(double eur) {
      return new PricePerKwh(eur);
    }

    static Arg euros(double eur) {
      return new Money(eur);
    }

    static Arg energy(WattHours energy) {
      return new Energy(energy.value());
    }

    static Arg term(String key) {
      return new Term(key);
    }

    static Arg time(LocalTime time) {
      return new ClockTime(time);
    }

    static Arg day(LocalDate day) {
      return new Day(day);
    }

    static Arg moment(Instant at) {
      return new Moment(at);
    }

    static Arg span(Duration duration) {
      return new Span(duration);
    }

    static Arg weekdays(Set<DayOfWeek> days) {
      return new Weekdays(days);
    }

    static Arg text(String text) {
      return new Text(text);
    }

    static Arg phrase(Phrase phrase) {
      return new Nested(phrase);
    }
  }
}
