package fr.marstek.automation.history;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One Tempo day's bill with and without the batteries, from what was recorded. The house used the
 * same energy either way; without batteries it would also have bought what they delivered, and not
 * what they took from the grid. Empty prices mean the colour is not known, so the day is unpriced.
 *
 * @param importedWh energy bought from the grid, from the meter's mean power per hour (an hour only
 *     partly recorded counts whole at its mean)
 * @param paidEur what the household paid (energy part only)
 * @param withoutBatteriesEur what it would have paid without the batteries
 */
public record DaySavings(
    LocalDate day,
    Optional<String> colour,
    double importedWh,
    double chargedWh,
    double dischargedWh,
    Optional<Double> paidEur,
    Optional<Double> withoutBatteriesEur) {

  public Optional<Double> savedEur() {
    return paidEur.flatMap(p -> withoutBatteriesEur.map(w -> w - p));
  }
}
