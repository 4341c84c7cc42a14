package fr.marstek.automation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With integer bounds the problem is a min-cost flow, so an integer optimum exists: enumerating
 * every integer state hour by hour gives the true optimum to compare against.
 */
class EnergyDpAgainstBruteForceTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void matchesTheIntegerOptimumOnRandomSmallProblems(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 25; round++) {
      int hours = 1 + random.nextInt(8);
      int width = 1 + random.nextInt(8);
      double[] buy = new double[hours];
      double[] sell = new double[hours];
      double[] maxIn = new double[hours];
      double[] maxOut = new double[hours];
      for (int t = 0; t < hours; t++) {
        double price = 0.1 + random.nextInt(8) * 0.1;
        buy[t] = price / 0.9;
        sell[t] = (price - 0.05 * random.nextInt(3)) * 0.9;
        maxIn[t] = random.nextInt(5);
        maxOut[t] = random.nextInt(5);
      }
      int start = random.nextInt(width + 1);
      double endValue = random.nextInt(4) * 0.1;

      double[] stored = EnergyDp.solve(buy, maxIn, sell, maxOut, width, start, endValue);

      assertThat(cost(stored, buy, sell, endValue))
          .isCloseTo(bruteForce(buy, maxIn, sell, maxOut, width, start, endValue), within(1e-9));
      for (int t = 0; t < hours; t++) {
        double x = stored[t + 1] - stored[t];
        assertThat(x).isBetween(-maxOut[t] - 1e-9, maxIn[t] + 1e-9);
        assertThat(stored[t + 1]).isBetween(-1e-9, width + 1e-9);
      }
    }
  }

  private static double cost(double[] stored, double[] buy, double[] sell, double endValue) {
    double cost = 0;
    for (int t = 0; t + 1 < stored.length; t++) {
      double x = stored[t + 1] - stored[t];
      cost += x > 0 ? buy[t] * x : sell[t] * x;
    }
    return cost - endValue * stored[stored.length - 1];
  }

  private static double bruteForce(
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      int width,
      int start,
      double endValue) {
    int hours = buy.length;
    double[] next = new double[width + 1];
    for (int s = 0; s <= width; s++) {
      next[s] = -endValue * s;
    }
    for (int t = hours - 1; t >= 0; t--) {
      double[] here = new double[width + 1];
      for (int s = 0; s <= width; s++) {
        double best = Double.POSITIVE_INFINITY;
        for (int y = 0; y <= width; y++) {
          int x = y - s;
          if (x > maxIn[t] || -x > maxOut[t]) {
            continue;
          }
          best = Math.min(best, (x > 0 ? buy[t] * x : sell[t] * x) + next[y]);
        }
        here[s] = best;
      }
      next = here;
    }
    return next[start];
  }
}
