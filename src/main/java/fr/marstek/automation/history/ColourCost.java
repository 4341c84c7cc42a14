package fr.marstek.automation.history;

/**
 * Energy and money per Tempo colour over a range: {@code saved} is what the discharged energy would
 * have cost from the grid minus what charging cost, in EUR.
 */
public record ColourCost(
    String colour,
    int days,
    double chargedWh,
    double dischargedWh,
    double chargeCost,
    double saved) {}
