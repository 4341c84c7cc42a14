package fr.marstek.automation.tariff;

import java.time.Instant;
import java.util.Objects;

/** One stretch of time with one price, such as "RED peak" from 06:00 to 22:00. */
public record PricePeriod(Instant start, Instant end, Price price, String name) {

  public PricePeriod {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(name, "name");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("period must end after it starts: " + start + " " + end);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
