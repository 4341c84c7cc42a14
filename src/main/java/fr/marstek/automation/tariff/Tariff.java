package fr.marstek.automation.tariff;

import static fr.marstek.automation.units.Zone.PARIS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The port for "what does energy cost when": the contract's peak and off-peak hours, known in
 * advance, and the price of each period, known once the supplier says so. Tempo ({@code
 * tariff.tempo.TempoTariff}) is the first implementation.
 *
 * <p>Prices are set per tariff day (for Tempo 06:00 to 06:00, Paris): each day is of one {@link
 * DayKind} (for Tempo its colour), published in advance or not, and the {@link PriceList} in force
 * on a date prices each kind's peak and off-peak hours. A planner reads the hours ahead from that.
 */
public interface Tariff {

  /** Whether {@code t} falls in off-peak hours; hours never depend on the day's price. */
  boolean isOffPeak(Instant t);

  /** Whether a Paris wall-clock time is off-peak: for callers that already converted it. */
  boolean isOffPeak(LocalDateTime local);

  /** The first instant after {@code t} at which off-peak hours begin or end. */
  Instant nextPeriodChange(Instant t);

  /**
   * The price period that contains {@code t}, or empty when the price is not known yet (for Tempo:
   * the day's colour is not published); an unknown price is never a cheap one.
   */
  Optional<PricePeriod> periodAt(Instant t);

  /**
   * The tariff day of a Paris wall-clock time (local hours, so the days clocks change stay right).
   */
  LocalDate dayOf(LocalDateTime local);

  default LocalDate dayOf(Instant t) {
    return dayOf(LocalDateTime.ofInstant(t, PARIS));
  }

  /** When a tariff day begins. */
  Instant dayStart(LocalDate day);

  /** When a tariff day ends: the next one's start (23 or 25 hours on the nights clocks change). */
  default Instant dayEnd(LocalDate day) {
    return dayStart(day.plusDays(1));
  }

  /** Every kind of day this tariff has, always in the same order. */
  List<DayKind> kinds();

  /** The day's kind, or empty while it is not published; never guessed. */
  Optional<DayKind> kindOf(LocalDate day);

  /**
   * The dearest kind a day whose kind is not published may still take: what to plan for when the
   * kind is not known in time.
   */
  DayKind worstCase(LocalDate day);

  /** The prices in force on a Paris calendar date, empty when none is known. */
  Optional<PriceList> pricesOn(LocalDate date);

  /** The prices in force at {@code t} (lists change at local midnight, Paris time). */
  default Optional<PriceList> pricesAt(Instant t) {
    return pricesOn(LocalDate.ofInstant(t, PARIS));
  }
}
