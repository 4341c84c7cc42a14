package fr.marstek.automation.planning;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.PriceList;

/**
 * Grid prices turned into what a stored unit costs to charge and earns when given out, in EUR per
 * stored unit: a unit bought takes 1 / charge efficiency from the grid, one given out spares
 * discharge efficiency of it and pays the wear.
 */
record UnitPrices(PriceList grid, double wear, double etaIn, double etaOut) {

  UnitPrices(PriceList grid, double wear, Fleet fleet) {
    this(grid, wear, fleet.chargeEfficiency, fleet.dischargeEfficiency);
  }

  /** What a unit charged at {@code eurPerKwh} costs. */
  double boughtAt(double eurPerKwh) {
    return eurPerKwh / etaIn / 1000;
  }

  /** What a unit given out against {@code eurPerKwh} earns; never below zero. */
  double soldAt(double eurPerKwh) {
    return Math.max(0, eurPerKwh - wear) * etaOut / 1000;
  }

  /** The cheapest night's price: what a unit spent costs to bring back. */
  double refill() {
    return boughtAt(grid.cheapestOffPeak().eurPerKwh());
  }

  double redPeak() {
    return soldAt(grid.dearestPeak().eurPerKwh());
  }

  /** Where a unit kept for nothing better is spent at last. */
  double cheapestPeak() {
    return soldAt(grid.cheapestPeak().eurPerKwh());
  }

  double peak(DayKind kind) {
    return soldAt(grid.price(kind, false).eurPerKwh());
  }

  /** What a unit charged in the peak hours of a {@code kind} day costs. */
  double chargedAtPeak(DayKind kind) {
    return boughtAt(grid.price(kind, false).eurPerKwh());
  }

  /** What a unit bought tonight spares over one bought on a white night. */
  double whiteNightSaving() {
    return boughtAt(TempoOdds.whiteNight(grid) - grid.cheapestOffPeak().eurPerKwh());
  }
}
