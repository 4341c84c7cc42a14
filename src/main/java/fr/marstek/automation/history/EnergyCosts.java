package fr.marstek.automation.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class EnergyCosts {

  private static final String UNKNOWN = "UNKNOWN";

  private EnergyCosts() {}

  static List<ColourCost> perColour(List<DailyEnergy> days, Map<String, PeakPrices> prices) {
    Map<String, ColourCost> byColour = new TreeMap<>();
    for (DailyEnergy day : days) {
      String colour = day.colour().orElse(UNKNOWN);
      Optional<PeakPrices> price = Optional.ofNullable(prices.get(colour));
      double chargeCost =
          price
              .map(p -> (day.chargedOffPeak() * p.offPeak() + day.chargedPeak() * p.peak()) / 1000)
              .orElse(0.0);
      double avoided =
          price
              .map(
                  p ->
                      (day.dischargedOffPeak() * p.offPeak() + day.dischargedPeak() * p.peak())
                          / 1000)
              .orElse(0.0);
      byColour.merge(
          colour,
          new ColourCost(
              colour, 1, day.charged(), day.discharged(), chargeCost, avoided - chargeCost),
          (a, b) ->
              new ColourCost(
                  colour,
                  a.days() + b.days(),
                  a.chargedWh() + b.chargedWh(),
                  a.dischargedWh() + b.dischargedWh(),
                  a.chargeCost() + b.chargeCost(),
                  a.saved() + b.saved()));
    }
    return List.copyOf(byColour.values());
  }
}
