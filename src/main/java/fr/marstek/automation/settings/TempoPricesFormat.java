package fr.marstek.automation.settings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A first check of {@code TEMPO_PRICES} ({@code YYYY-MM-DD:bo,bp,wo,wp,ro,rp;...}: from that day,
 * the six EUR/kWh prices blue off-peak, blue peak, white off-peak, white peak, red off-peak, red
 * peak), so a typo is refused on the page; the Tempo feature's own reader checks it too.
 */
final class TempoPricesFormat {

  static final String EXPECTED =
      "entries YYYY-MM-DD:bo,bp,wo,wp,ro,rp separated by ';', each with six prices in EUR/kWh"
          + " (blue off-peak, blue peak, white off-peak, white peak, red off-peak, red peak),"
          + " e.g. 2025-08-01:0.1288,0.1552,0.1447,0.1792,0.1518,0.6586";

  private TempoPricesFormat() {}

  /** What is wrong with the value, or empty when it reads well; a blank value means built-in. */
  static Optional<String> problem(String value) {
    if (value.isBlank()) {
      return Optional.empty();
    }
    Set<LocalDate> days = new HashSet<>();
    for (String entry : value.trim().split("\\s*;\\s*")) {
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", 2);
      if (parts.length != 2) {
        return Optional.of("'" + entry + "' has no ':' after its date");
      }
      LocalDate day;
      try {
        day = LocalDate.parse(parts[0].trim());
      } catch (DateTimeParseException e) {
        return Optional.of("'" + parts[0].trim() + "' is not a date YYYY-MM-DD");
      }
      if (!days.add(day)) {
        return Optional.of(day + " is given twice");
      }
      String[] prices = parts[1].split(",", -1);
      if (prices.length != 6) {
        return Optional.of(day + " has " + prices.length + " prices instead of six");
      }
      for (String price : prices) {
        try {
          double eur = Double.parseDouble(price.trim());
          if (!(eur > 0 && eur < 10)) {
            return Optional.of("'" + price.trim() + "' is not a price between 0 and 10 EUR/kWh");
          }
        } catch (NumberFormatException e) {
          return Optional.of("'" + price.trim() + "' is not a number (use a dot: 0.1552)");
        }
      }
    }
    return Optional.empty();
  }
}
