package fr.marstek.automation.planning;

import java.util.ArrayList;
import java.util.List;

/** A stored unit's worth built band by band from the first unit up, each no more than the last. */
final class WorthSteps {

  private final List<Double> length = new ArrayList<>();
  private final List<Double> worth = new ArrayList<>();

  void add(double units, double eachWorth) {
    length.add(units);
    worth.add(eachWorth);
  }

  boolean isEmpty() {
    return worth.isEmpty();
  }

  double lastWorth() {
    return worth.getLast();
  }

  ConvexValue value() {
    double[] l = new double[length.size()];
    double[] w = new double[worth.size()];
    for (int k = 0; k < l.length; k++) {
      l[k] = length.get(k);
      w[k] = worth.get(k);
    }
    return ConvexValue.ofWorth(l, w);
  }
}
