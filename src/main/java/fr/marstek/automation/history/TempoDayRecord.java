package fr.marstek.automation.history;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Tempo day (06:00 to 06:00 Europe/Paris) with its colour and the prices in force, as far as
 * known.
 *
 * @param colour {@code BLUE}, {@code WHITE} or {@code RED}
 */
public record TempoDayRecord(LocalDate day, Optional<String> colour, Optional<PeakPrices> prices) {

  public TempoDayRecord {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(prices, "prices");
    colour.ifPresent(
        c -> {
          if (!c.matches("BLUE|WHITE|RED")) {
            throw new IllegalArgumentException("Tempo colour must be BLUE, WHITE or RED: " + c);
          }
        });
  }
}
