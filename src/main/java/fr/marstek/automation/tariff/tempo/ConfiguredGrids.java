package fr.marstek.automation.tariff.tempo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code TEMPO_PRICES} text: {@code ;}-separated grids, each {@code YYYY-MM-DD:} then six
 * EUR/kWh prices. A mistake names the grid and says how to write it instead.
 */
final class ConfiguredGrids {

  static final String FORMAT =
      "';'-separated grids 'YYYY-MM-DD:p1,p2,p3,p4,p5,p6' with the six EUR/kWh prices (TTC) in"
          + " the order blue off-peak, blue peak, white off-peak, white peak, red off-peak, red"
          + " peak, e.g. 2026-08-01:0.1356,0.1654,0.1536,0.1921,0.1615,0.7295";

  // A price above this is almost surely typed in cents (13.25 for 0.1325 EUR/kWh).
  private static final double MAX_EUR_PER_KWH = 5;

  private static final String[] NAMES = {
    "blue off-peak", "blue peak", "white off-peak", "white peak", "red off-peak", "red peak"
  };

  private ConfiguredGrids() {}

  /**
   * @throws IllegalArgumentException naming the first wrong grid and what is wrong with it
   */
  static List<TempoPriceGrid> parse(String text) {
    List<TempoPriceGrid> grids = new ArrayList<>();
    String[] parts = text.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      TempoPriceGrid grid = grid(part, i + 1);
      for (TempoPriceGrid earlier : grids) {
        if (earlier.validFrom().equals(grid.validFrom())) {
          throw wrong(part, i + 1, "a second grid from " + grid.validFrom() + "; keep only one");
        }
      }
      grids.add(grid);
    }
    if (grids.isEmpty()) {
      throw new IllegalArgumentException("no grid found");
    }
    return grids;
  }

  private static TempoPriceGrid grid(String part, int index) {
    int colon = part.indexOf(':');
    if (colon < 0) {
      throw wrong(part, index, "no ':' between the date and the prices");
    }
    String dateText = part.substring(0, colon).trim();
    LocalDate from;
    try {
      from = LocalDate.parse(dateText);
    } catch (DateTimeParseException e) {
      throw wrong(part, index, "'" + dateText + "' is not a date YYYY-MM-DD");
    }
    String[] numbers = part.substring(colon + 1).split(",", -1);
    if (numbers.length != NAMES.length) {
      throw wrong(part, index, numbers.length + " prices instead of six, separated by ','");
    }
    double[] prices = new double[NAMES.length];
    for (int i = 0; i < NAMES.length; i++) {
      String number = numbers[i].trim();
      try {
        // BigDecimal refuses NaN, Infinity and hexadecimal, which Double.parseDouble accepts.
        prices[i] = new BigDecimal(number).doubleValue();
      } catch (NumberFormatException e) {
        throw wrong(part, index, NAMES[i] + " '" + number + "' is not a number such as 0.1325");
      }
      if (prices[i] < 0) {
        throw wrong(part, index, NAMES[i] + " " + number + " is negative");
      }
      if (prices[i] > MAX_EUR_PER_KWH) {
        throw wrong(
            part, index, NAMES[i] + " " + number + " is in EUR per kWh, not cents (0.1325)");
      }
    }
    for (int colour = 0; colour < 3; colour++) {
      if (prices[2 * colour + 1] < prices[2 * colour]) {
        throw wrong(
            part,
            index,
            NAMES[2 * colour + 1]
                + " "
                + numbers[2 * colour + 1].trim()
                + " is below "
                + NAMES[2 * colour]
                + " "
                + numbers[2 * colour].trim()
                + ": give off-peak first, then peak");
      }
    }
    return TempoPriceGrid.of(from, prices);
  }

  private static IllegalArgumentException wrong(String part, int index, String what) {
    return new IllegalArgumentException("grid " + index + " '" + part + "': " + what);
  }
}
